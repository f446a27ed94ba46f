import init from './app.js';
init();
