// Starts the widget: wasm-bindgen's glue (widget.js) fetches widget_bg.wasm next to it.
import init from './widget.js';
init();
