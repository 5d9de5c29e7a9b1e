# Fails when any file of the GL-free core includes OpenGL, GLFW or Dear ImGui.
file(GLOB_RECURSE sources "${SRC}/core/*" "${SRC}/io/*" "${SRC}/geo/*" "${SRC}/geocode/*" "${SRC}/analysis/*" "${SRC}/jobs/*" "${SRC}/render/*" "${SRC}/scene/*" "${SRC}/print/*")
foreach(f IN LISTS sources)
  file(STRINGS "${f}" hits REGEX "#include[ \t]*[<\"](GL/|GLFW|imgui|glad|epoxy)")
  if(hits)
    message(FATAL_ERROR "${f} includes GL/ImGui in the core: ${hits}")
  endif()
endforeach()
