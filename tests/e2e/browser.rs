//! The real pages in headless Chromium: written once the widget and agent app exist.
