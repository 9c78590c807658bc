#!/usr/bin/env bash
# RUSTC_WRAPPER for the libflux build: libflux denies all warnings ("strict" feature) and
# was written for Rust 1.72; newer compilers add lints that would fail it. RUSTFLAGS does not
# reach host crates when cargo builds with --target, so the cap is added here, for every crate.
rustc=$1; shift
for arg in "$@"; do
  if [ "$arg" = "--cap-lints" ]; then exec "$rustc" "$@"; fi
done
exec "$rustc" "$@" --cap-lints warn
