# gxf_add_plugin(<name> SOURCES ...): a user-style extension library libgxf_<name>.so that
# links the runtime and is loaded by path from a manifest.
function(gxf_add_plugin name)
  cmake_parse_arguments(ARG "" "" "SOURCES" ${ARGN})
  add_library(gxf_${name} SHARED ${ARG_SOURCES})
  target_link_libraries(gxf_${name} PRIVATE gxf_core gxf_warnings)
  set_target_properties(gxf_${name} PROPERTIES INSTALL_RPATH "$ORIGIN")
  install(TARGETS gxf_${name} LIBRARY DESTINATION gxf/lib)
endfunction()
