//! The catalogues agree with each other and with the code: every file
//! parses, English and German have the same messages with the same values,
//! every `tr!` in the code names a message and gives exactly its values, and
//! every message is used.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use super::*;

type Vars = BTreeSet<String>;

/// Every message of one language: key → (file, the values it uses).
fn messages(files: &[(&str, &str)]) -> BTreeMap<String, (String, Vars)> {
    let mut out = BTreeMap::new();
    for (file, source) in files {
        let resource = match fluent_syntax::parser::parse(*source) {
            Ok(r) => r,
            Err((_, errors)) => panic!("{file} does not parse: {errors:?}"),
        };
        for entry in resource.body {
            if let Entry::Message(m) = entry {
                let mut vars = Vars::new();
                if let Some(value) = &m.value {
                    pattern_vars(value, &mut vars);
                }
                assert!(m.value.is_some(), "{file}: {} has no value", m.id.name);
                let previous = out.insert(m.id.name.to_string(), (file.to_string(), vars));
                assert!(previous.is_none(), "{file}: {} is defined twice", m.id.name);
            }
        }
    }
    out
}

fn pattern_vars(p: &Pattern<&str>, vars: &mut Vars) {
    for element in &p.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(e: &Expression<&str>, vars: &mut Vars) {
    match e {
        Expression::Inline(i) => inline_vars(i, vars),
        Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
    }
}

fn inline_vars(i: &InlineExpression<&str>, vars: &mut Vars) {
    match i {
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, vars);
            }
            for a in &arguments.named {
                inline_vars(&a.value, vars);
            }
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

/// One `tr!("key", a = …, b = …)` in the code: where, the key, the value names.
struct Call {
    at: String,
    key: String,
    args: Vars,
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("read src")
        .map(|e| e.expect("dir entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs")
            // The macro's own docs and these tests mention tr! in prose.
            && !(path.ends_with("i18n/mod.rs") || path.ends_with("i18n/tests.rs"))
        {
            out.push(path);
        }
    }
}

/// The calls of `tr!` in one file's text (line comments removed first).
fn calls_in(file: &str, text: &str) -> Vec<Call> {
    let code: String = text
        .lines()
        .map(|l| {
            if l.trim_start().starts_with("//") {
                ""
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let bytes = code.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = code[from..].find("tr!(") {
        let start = from + found;
        from = start + 4;
        // `tr!(` inside a longer name (`attr!(`) is not ours.
        if start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'_') {
            continue;
        }
        let line = code[..start].matches('\n').count() + 1;
        let at = format!("{file}:{line}");
        let mut i = skip_ws(bytes, from);
        assert!(bytes.get(i) == Some(&b'"'), "{at}: tr! needs a literal key");
        let key_end = code[i + 1..]
            .find('"')
            .map(|e| i + 1 + e)
            .expect("closing quote");
        let key = code[i + 1..key_end].to_string();
        i = key_end + 1;
        let mut args = Vars::new();
        loop {
            i = skip_ws(bytes, i);
            match bytes.get(i) {
                Some(b')') => break,
                Some(b',') => i = skip_ws(bytes, i + 1),
                other => panic!("{at}: unexpected {other:?} in tr!"),
            }
            if bytes.get(i) == Some(&b')') {
                break;
            }
            let name_end = (i..bytes.len())
                .find(|&j| !(bytes[j].is_ascii_alphanumeric() || bytes[j] == b'_'))
                .unwrap_or(bytes.len());
            let name = &code[i..name_end];
            assert!(!name.is_empty(), "{at}: tr! values are `name = value`");
            i = skip_ws(bytes, name_end);
            assert!(
                bytes.get(i) == Some(&b'='),
                "{at}: tr! values are `name = value`"
            );
            assert!(args.insert(name.to_string()), "{at}: {name} given twice");
            i = skip_expression(bytes, i + 1);
        }
        out.push(Call { at, key, args });
    }
    out
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// The end of one macro value: the `,` or `)` at depth 0 after it.
fn skip_expression(b: &[u8], mut i: usize) -> usize {
    let mut depth = 0usize;
    while i < b.len() {
        match b[i] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' if depth > 0 => depth -= 1,
            b',' | b')' if depth == 0 => return i,
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'\'' if b.get(i + 2) == Some(&b'\'') => i += 2,
            b'\'' if b.get(i + 1) == Some(&b'\\') => {
                while i + 1 < b.len() && b[i + 1] != b'\'' {
                    i += 1;
                }
                i += 1;
            }
            _ => {}
        }
        i += 1;
    }
    i
}

/// Every `tr!` of the core and of the desktop shell (whose few texts, file
/// dialogs and its own errors, are in `shell.ftl`).
fn code_calls() -> Vec<Call> {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&workspace.join("src"), &mut files);
    rust_files(&workspace.join("src-tauri/src"), &mut files);
    let mut calls = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("read source");
        let name = path
            .strip_prefix(workspace)
            .unwrap_or(&path)
            .display()
            .to_string();
        calls.extend(calls_in(&name, &text));
    }
    calls
}

#[test]
fn english_and_german_have_the_same_messages_with_the_same_values() {
    let en = messages(&EN_FILES);
    let de = messages(&DE_FILES);
    for (key, (file, vars)) in &en {
        let Some((de_file, de_vars)) = de.get(key) else {
            panic!("{key} (en/{file}) is missing in German");
        };
        assert_eq!(file, de_file, "{key} is in en/{file} but de/{de_file}");
        assert_eq!(
            vars, de_vars,
            "{key}: English uses {vars:?}, German {de_vars:?}"
        );
    }
    for key in de.keys() {
        assert!(en.contains_key(key), "{key} is German only");
    }
}

#[test]
fn every_message_the_code_asks_for_exists_with_exactly_its_values() {
    let en = messages(&EN_FILES);
    let calls = code_calls();
    let mut used = BTreeSet::new();
    for call in &calls {
        let Some((_, vars)) = en.get(&call.key) else {
            panic!("{}: no message {}", call.at, call.key);
        };
        assert_eq!(
            &call.args, vars,
            "{}: {} is given {:?} but uses {:?}",
            call.at, call.key, call.args, vars
        );
        used.insert(call.key.as_str());
    }
    let unused: Vec<_> = en.keys().filter(|k| !used.contains(k.as_str())).collect();
    assert!(unused.is_empty(), "messages no code asks for: {unused:?}");
}

#[test]
fn the_scanner_reads_values_with_commas_and_calls_inside() {
    let calls = calls_in(
        "x.rs",
        r#"let a = tr!("k-one", a = f(x, y), b = [1, 2], c = "x, y)", d = 'c');
           // tr!("commented-out")
           let b = tr!("k-two");
           let c = attr!("not-ours");
           let d = tr!(
               "k-three",
               n = v.len(),
           );"#,
    );
    let keys: Vec<_> = calls.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(keys, ["k-one", "k-two", "k-three"]);
    assert_eq!(
        calls[0].args.iter().map(String::as_str).collect::<Vec<_>>(),
        ["a", "b", "c", "d"]
    );
    assert_eq!(calls[2].args.len(), 1);
}

#[test]
fn a_thread_can_write_in_another_language_than_the_process() {
    assert_eq!(language(), Lang::En);
    let inside = with_language(Lang::De, || (language(), decimal(2.5, 1)));
    assert_eq!(inside, (Lang::De, "2,5".to_string()));
    assert_eq!(language(), Lang::En);
    assert_eq!(decimal(2.5, 1), "2.5");
}

#[test]
fn tags_and_locales_name_their_language() {
    assert_eq!(Lang::from_tag("de-AT"), Some(Lang::De));
    assert_eq!(Lang::from_tag("de_DE.UTF-8"), Some(Lang::De));
    assert_eq!(Lang::from_tag("EN-us"), Some(Lang::En));
    assert_eq!(Lang::from_tag("fr-FR"), None);
    assert_eq!(Lang::from_tag(""), None);
}
