# Warnings for this project's own targets (never for third-party code).
function(mcp_builder_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                         -Wno-unused-parameter)
  if(MCP_BUILDER_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

if(MCP_BUILDER_SANITIZE)
  # -fno-sanitize-recover makes any finding fail the test (STYLE.md rule 31).
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()

if(MCP_BUILDER_FUZZ)
  # Coverage for libFuzzer on every object (RE2 too, so it can steer into
  # it); the fuzz targets add -fsanitize=fuzzer at link (tests/fuzz).
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined
                      -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
