//! Entry point. The UI only exists in the wasm32 build; a native build of the
//! binary just says how to run the app (the library's tests run natively).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    selloff::app::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is a WebAssembly app: run `make run` and open http://127.0.0.1:8080/");
}
