//! PressLens in the browser: the JS API ([`api`], what `wasm-bindgen`
//! exports) over the DOM layer ([`dom`]: scope, text map, paint, explain,
//! panel, late content, undo), both over the engine crate `presslens`.
//!
//! Imports go one way: `api` → `dom` → `convert` → `presslens`. The crate
//! builds natively too (wasm-bindgen's imports then only panic if called), so
//! its pure parts are reached by native `cargo test`; the DOM tests run in
//! headless Chromium (`tests/dom.rs`, `make test-wasm`).

pub mod api;
pub mod convert;
pub mod dom;
