# The one Emscripten link profile (STYLE.md rules 16-17), applied per target.
#
# -sDYNAMIC_EXECUTION=0: embind otherwise builds invokers with new Function(),
#   which a CSP without 'unsafe-eval' blocks (TOOLCHAIN.md).
# EXPORT_NAME is set per module (wasm/CMakeLists.txt).
# -sENVIRONMENT=web,worker + EXPORT_ES6: one ES module for browsers and Node;
#   Node gets the wasm bytes from the facade (Emscripten 3.1.6 cannot fetch
#   file paths), which avoids 3.1.6's __dirname bug in ES modules.
# -sFILESYSTEM=0: the core does no I/O; saves size.
# NODEJS_CATCH_*=0: a library must not install process-wide handlers.
# EXPORTED_FUNCTIONS: the facade writes input bytes into wasm memory itself.
# -O3 at link: binaryen's -Oz costs 40% of validation speed for 2% of size.
set(MCP_BUILDER_WASM_LINK_OPTIONS
  --bind -O3 -flto
  -sMODULARIZE=1 -sEXPORT_ES6=1
  -sENVIRONMENT=web,worker -sFILESYSTEM=0 -sDYNAMIC_EXECUTION=0
  -sALLOW_MEMORY_GROWTH=1 -sNODEJS_CATCH_EXIT=0 -sNODEJS_CATCH_REJECTION=0
  -sEXPORTED_FUNCTIONS=_malloc,_free)

# The GoogleTest suite compiled to wasm and run by Node (STYLE.md rule 27).
# WASM_ASYNC_COMPILATION=0 reads the .wasm with fs: 3.1.6's async path
# calls Node 20's global fetch() on a file path and fails.
set(MCP_BUILDER_WASM_TEST_LINK_OPTIONS
  -O2 -sENVIRONMENT=node -sALLOW_MEMORY_GROWTH=1 -sEXIT_RUNTIME=1
  -sWASM_ASYNC_COMPILATION=0
  -sTOTAL_STACK=5MB)  # TOTAL_STACK: 3.1.6 predates the STACK_SIZE name

# Link-time optimization across the core, RE2 and the bindings: the
# linker drops and merges what no entry point needs (see CMakeLists.txt).
add_compile_options(-flto)
