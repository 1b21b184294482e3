// OpenBLAS's own cblas.h is guarded by CBLAS_H; this shim uses a different guard so that
// the module does not come out empty.
#ifndef LUTNET_COPENBLAS_SHIM_H
#define LUTNET_COPENBLAS_SHIM_H
#include <stddef.h>
#include <cblas.h>

// The two LAPACK routines libopenblas exports that the baseline uses (Debian installs no
// lapacke.h beside OpenBLAS). Fortran calling convention: every argument by address, column-major
// matrices, 32-bit integers (OpenBLAS's default blasint), and the length of each character
// argument appended (ignored by OpenBLAS's C implementations, read by the Fortran ones).

/// Cholesky factorization of a symmetric positive definite n × n matrix in place; info > 0 when a
/// leading minor is not positive definite.
void dpotrf_(const char *uplo, const int *n, double *a, const int *lda, int *info, size_t uplo_length);

/// Solves A·X = B with the factor dpotrf_ left in a; B (n × nrhs) is overwritten by X.
void dpotrs_(const char *uplo, const int *n, const int *nrhs, const double *a, const int *lda,
             double *b, const int *ldb, int *info, size_t uplo_length);
#endif
