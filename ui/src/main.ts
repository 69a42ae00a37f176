import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { LANGUAGE } from './lib/i18n';
import { api } from './lib/api';

// Screen readers and hyphenation read the page in the UI's language.
document.documentElement.lang = LANGUAGE;

const target = document.getElementById('app');
if (!target) throw new Error('missing #app');
const app = target;

function start(): void {
  mount(App, { target: app });
}

// Rust writes its texts (explanations, problems, errors) in the window's
// language, so it learns it before the first screen asks for anything; if
// that fails the app still starts, with those texts in English.
api.setLanguage(LANGUAGE).then(start, start);
