// SPDX-License-Identifier: MIT
#pragma once
// OpenGL 3.3 core entry points. Linux's libGL (GLVND, Mesa, NVIDIA) exports every core
// function, so prototypes from glcorearb.h are enough; no loader library is needed.
#ifndef GL_GLEXT_PROTOTYPES
#define GL_GLEXT_PROTOTYPES 1
#endif
#include <GL/glcorearb.h>
