import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { LANGUAGE } from './lib/i18n';

// Screen readers and hyphenation read the page in the UI's language.
document.documentElement.lang = LANGUAGE;

const target = document.getElementById('app');
if (!target) throw new Error('missing #app');

export default mount(App, { target });
