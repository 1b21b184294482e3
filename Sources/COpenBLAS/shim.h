// OpenBLAS's own cblas.h is guarded by CBLAS_H; this shim uses a different guard so that
// the module does not come out empty.
#ifndef LUTNET_COPENBLAS_SHIM_H
#define LUTNET_COPENBLAS_SHIM_H
#include <cblas.h>
#endif
