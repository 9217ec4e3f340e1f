# Compiler settings for the project's own code. Third-party headers are
# included as SYSTEM so that -Werror applies to what we write, not to them.

if(SAFESURVEY_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

function(safesurvey_target_options target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Werror -Wpedantic)
  # GCC 12 reports -Wrestrict inside libstdc++'s own string concatenation at -O3
  # (GCC bug 105329, fixed in 13): a warning about the library, not our code.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR})
endfunction()
