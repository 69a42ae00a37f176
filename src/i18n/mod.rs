//! Text the core writes for people (explanations, problems, errors, notes),
//! in the language the person reads: English or German.
//!
//! The words live in Fluent catalogues (`en/*.ftl`, `de/*.ftl`, one file per
//! area of the code), compiled into the binary. Code asks for a message by
//! key with [`tr!`]; the language is the process's ([`set_language`]: the
//! desktop app sets the one its window shows) unless a thread chose another
//! ([`with_language`], for tests). The command line never sets it, so it
//! speaks English, and its `--json` answers stay the same on every computer.
//!
//! Data is never translated: ids, names, ISO dates and times, JSON paths.

use std::cell::Cell;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::OnceLock;

mod words;

pub use words::{and_list, date, date_year, or_list, weekday, weekday_short};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language with a complete catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    De,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::De];

    /// The language of a BCP 47 tag or POSIX locale (`de`, `de-AT`,
    /// `de_DE.UTF-8`); `None` when there is no catalogue for it.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "de" => Some(Lang::De),
            _ => None,
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
        }
    }

    fn index(self) -> u8 {
        match self {
            Lang::En => 0,
            Lang::De => 1,
        }
    }

    fn from_index(i: u8) -> Lang {
        if i == 1 {
            Lang::De
        } else {
            Lang::En
        }
    }

    /// The decimal separator of numbers written in running text.
    pub fn decimal_separator(self) -> char {
        match self {
            Lang::En => '.',
            Lang::De => ',',
        }
    }
}

static PROCESS_LANG: AtomicU8 = AtomicU8::new(0);

thread_local! {
    static THREAD_LANG: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// The language of every text written from now on, in every thread that has
/// not chosen its own.
pub fn set_language(lang: Lang) {
    PROCESS_LANG.store(lang.index(), Ordering::Relaxed);
}

/// The language texts are written in on this thread.
pub fn language() -> Lang {
    THREAD_LANG
        .with(Cell::get)
        .unwrap_or_else(|| Lang::from_index(PROCESS_LANG.load(Ordering::Relaxed)))
}

/// Runs `f` with this thread writing in `lang` (tests of German texts run
/// beside English ones in one process).
pub fn with_language<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<Lang>);
    impl Drop for Restore {
        fn drop(&mut self) {
            THREAD_LANG.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(THREAD_LANG.with(|c| c.replace(Some(lang))));
    f()
}

/// The catalogue files of a language, in a fixed order. A new area adds its
/// file here in both languages; `tests::catalogues_match` checks they agree.
macro_rules! catalogue {
    ($lang:literal) => {
        [
            ("errors.ftl", include_str!(concat!($lang, "/errors.ftl"))),
            ("plan.ftl", include_str!(concat!($lang, "/plan.ftl"))),
            ("io.ftl", include_str!(concat!($lang, "/io.ftl"))),
            ("api.ftl", include_str!(concat!($lang, "/api.ftl"))),
            ("store.ftl", include_str!(concat!($lang, "/store.ftl"))),
            ("model.ftl", include_str!(concat!($lang, "/model.ftl"))),
            ("files.ftl", include_str!(concat!($lang, "/files.ftl"))),
            ("caldav.ftl", include_str!(concat!($lang, "/caldav.ftl"))),
            ("words.ftl", include_str!(concat!($lang, "/words.ftl"))),
            ("shell.ftl", include_str!(concat!($lang, "/shell.ftl"))),
        ]
    };
}

pub(crate) const EN_FILES: [(&str, &str); 10] = catalogue!("en");
pub(crate) const DE_FILES: [(&str, &str); 10] = catalogue!("de");

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    let all = BUNDLES.get_or_init(|| Lang::ALL.map(build));
    &all[usize::from(lang.index())]
}

fn build(lang: Lang) -> Bundle {
    let files = match lang {
        Lang::En => &EN_FILES,
        Lang::De => &DE_FILES,
    };
    // Plural rules follow this tag ("en", "de": both parse).
    let id: unic_langid::LanguageIdentifier = lang.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around values: the texts go to terminals,
    // logs and JSON as well as the window.
    bundle.set_use_isolating(false);
    for (_, source) in files {
        // A file that does not parse keeps the messages that do; the tests
        // refuse any parse error, so this is only a last resort.
        let resource = FluentResource::try_new((*source).to_string()).unwrap_or_else(|(r, _)| r);
        // Duplicate keys across files are refused by the tests too.
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// One value of a message: text or a number (numbers choose plural forms).
pub type Arg<'a> = FluentValue<'a>;

/// The message `key` in this thread's language with `args` filled in; in
/// English when the language lacks it, and the key itself when no catalogue
/// has it (the tests make both impossible for every key the code uses).
pub fn text(key: &str, args: &[(&str, Arg<'_>)]) -> String {
    text_in(language(), key, args)
}

/// [`text`] in a given language.
pub fn text_in(lang: Lang, key: &str, args: &[(&str, Arg<'_>)]) -> String {
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    for lang in [lang, Lang::En] {
        let bundle = bundle(lang);
        if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            let out = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
            debug_assert!(errors.is_empty(), "message {key}: {errors:?}");
            return out.into_owned();
        }
    }
    debug_assert!(false, "no message {key} in any catalogue");
    key.to_string()
}

/// A number with `decimals` digits after the separator of this thread's
/// language (`2.5` / `2,5`), for figures in running text.
pub fn decimal(value: f64, decimals: usize) -> String {
    let s = format!("{value:.decimals$}");
    match language().decimal_separator() {
        '.' => s,
        sep => s.replace('.', &sep.to_string()),
    }
}

/// A message from the catalogues in this thread's language:
/// `tr!("undo-nothing", action = "undo")`. Values are anything a
/// [`FluentValue`] is made from: `&str`, `String`, `&String`, numbers.
#[macro_export]
macro_rules! tr {
    ($key:literal) => {
        $crate::i18n::text($key, &[])
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text($key, &[$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}

#[cfg(test)]
mod tests;
