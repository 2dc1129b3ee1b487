# The two commands: `make run` and `make test`. Both install whatever is
# missing first (pinned versions; nothing is downloaded at build time except
# from the package registries). See README.md and ../shared/TOOLCHAIN.md.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

TRUNK_VERSION := 0.21.14
WASM_BINDGEN_VERSION := 0.2.130
# `make run PORT=3000` and `PORT=3000 make run` both serve on 3000 (0: any
# free port). The prerender and the bench pick their own free ports.
PORT ?= 8080

export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
export TRUNK_OFFLINE := true

.PHONY: help run test lint bench build dist single-file tools tool-rust tool-trunk tool-wasm-bindgen tool-node tool-chromium tool-fonts test-native test-e2e test-full data clean

help:
	@echo "make run   - install missing tools, build, serve on http://127.0.0.1:$(PORT)/"
	@echo "make test  - install missing tools, lint, run every test (native, data, browser end-to-end)"
	@echo "make test-full - make test with the robustness sweep at 1,000 link states (make test reads 100)"
	@echo "make lint  - rustfmt, clippy (native and wasm), the module layer check"
	@echo "make dist  - build the portable folder dist/; make single-file - one offline .html"
	@echo "make bench - measure size, start-up, slider latency and the cascade against their budgets"

tools: tool-rust tool-trunk tool-wasm-bindgen tool-node tool-chromium tool-fonts

tool-rust:
	@command -v cargo >/dev/null || { echo "cargo not found: install Rust with rustup first"; exit 1; }
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@{ cargo clippy --version && cargo fmt --version; } >/dev/null 2>&1 || rustup component add clippy rustfmt

tool-trunk: tool-rust
	@trunk --version 2>/dev/null | grep -q "trunk $(TRUNK_VERSION)" || cargo install trunk --version $(TRUNK_VERSION) --locked

# --locked fails for this version (its lockfile wants a crate release the
# registry here lacks), so it is installed without it.
tool-wasm-bindgen: tool-rust
	@wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen $(WASM_BINDGEN_VERSION)" || cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)

# wasm-opt comes from the npm package binaryen@132: Debian's binaryen 108 breaks the page.
tool-node: node_modules/.installed
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { apt-get update && apt-get install -y nodejs npm; }
	npm ci --no-audit --no-fund
	@touch $@

tool-chromium:
	@command -v chromium >/dev/null || { apt-get update && apt-get install -y chromium chromium-driver; }

# A CJK font for the Chinese edition's tests and screenshots (issue 26): the
# page itself uses the reader's system fonts and downloads none. WenQuanYi
# Micro Hei is the smaller of the two Debian packages (about 5 MB; Noto CJK
# is over 100 MB); either one is enough.
tool-fonts:
	@fc-list 2>/dev/null | grep -qi "WenQuanYi Micro Hei\|Noto Sans CJK" || { apt-get install -y fonts-wqy-microhei || { apt-get update && apt-get install -y fonts-wqy-microhei; }; }

export SELLOFF_BUILD_DATE := $(shell date -u +%Y-%m-%d)

# The public address where dist/ is published. Embed code, "How to cite" and
# printed links use it when a copy runs from a file (the single file) or from
# another host (a local preview), since a file:// or 127.0.0.1 address works
# on no other computer. Override: make dist PUBLIC_URL=https://your.host/path/
PUBLIC_URL ?= https://selloff-explainer.github.io/
export SELLOFF_PUBLIC_URL := $(PUBLIC_URL)

# Trunk's post_build hook (tools/post_build.mjs) minifies the JS and CSS and
# writes the service worker; the prerender adds the static page; last, every
# file gets .br and .gz copies for hosts that serve them (README, Hosting).
#
# Two editions (issue 26, docs/i18n.md), one language a build: English in
# dist/, Simplified Chinese (cargo feature zh) in dist/zh/, each with its own
# wasm, so neither reader downloads the other's text. Trunk empties its dist
# folder, so the Chinese build goes to target/dist-zh first. One service
# worker at the root (tools/sw.mjs) keeps both pages offline.
build: tool-trunk tool-wasm-bindgen tool-node tool-chromium tool-fonts
	trunk build --release --offline
	trunk build --release --offline --features zh --dist target/dist-zh
	rm -rf dist/zh && cp -r target/dist-zh dist/zh && rm -f dist/zh/sw.js
	node tools/sw.mjs dist
	node tools/prerender.mjs dist
	node tools/prerender.mjs dist/zh
	node tools/precompress.mjs dist

# A portable folder: relative URLs, works from any static server (not file://).
dist: build
	@echo "dist/ is ready: copy it to any static web server (see README, Offline use)."

# One self-contained .html that also works when opened from disk.
single-file: build
	mkdir -p dist-single
	node tools/single_file.mjs dist dist-single/selloff-explainer.html
	node tools/single_file.mjs dist/zh dist-single/selloff-explainer.zh.html

run: build
	@echo "Starting the server on port $(PORT); it prints its address (Ctrl-C to stop)"
	node tools/serve.mjs dist $(PORT)

# In this order: tools, lint, native tests, the single file (a release build),
# the end-to-end tests.
test: tools lint test-native single-file test-e2e

# Formatting (rustfmt.toml), clippy with warnings as errors for the native
# targets and for the wasm library and binary, and the module layers
# (tools/check_layers.py: which top-level module may use which).
lint: tool-rust
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --bins --features zh -- -D warnings
	python3 tools/check_layers.py --self-test --quiet
	python3 tools/check_layers.py

test-native: tool-rust
	cargo test --all-targets

test-e2e: tool-node tool-chromium
	npx playwright test

# Everything `make test` runs, with the robustness sweep at its full 1,000
# link states (`make test` reads 100; tests/e2e/sweep.spec.mjs).
test-full: tools lint test-native single-file
	SWEEP_STATES=1000 npx playwright test

# Measurements against the budgets: bytes shipped (gzip, brotli), start-up on
# a throttled phone, slider latency, the cascade, Lighthouse (README,
# Performance). Lighthouse is installed here only, into .bench-tools/, so
# that `make test` never pays for it.
LIGHTHOUSE_VERSION := 12
bench: build tool-chromium
	@command -v twiggy >/dev/null || cargo install twiggy --version 0.8.0 --locked
	@test -e .bench-tools/node_modules/lighthouse/cli/index.js || npm install --no-save --no-audit --no-fund --prefix .bench-tools lighthouse@$(LIGHTHOUSE_VERSION)
	cargo bench --bench cascade
	node tools/bench.mjs

# Rebuild public/data/*.json from the reference CSVs in ../shared/data.
data:
	python3 tools/build_data.py ../shared/data

clean:
	rm -rf dist dist-single target node_modules test-results playwright-report .bench-tools
