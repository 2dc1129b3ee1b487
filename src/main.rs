//! Entry point. The UI only exists in the wasm32 build; a native build of the
//! binary just says how to run the app (the library's tests run natively).

#[cfg(target_arch = "wasm32")]
fn main() {
    // A panic's message and place go to the console, as
    // console_error_panic_hook did, without its stack-trace glue (~1 KB).
    std::panic::set_hook(Box::new(|info| web_sys::console::error_1(&info.to_string().into())));
    selloff::app::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is a WebAssembly app: run `make run` and open http://127.0.0.1:8080/");
}
