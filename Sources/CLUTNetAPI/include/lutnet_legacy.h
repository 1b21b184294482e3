/// The entry points programs compiled against a lutnet.h before 0.5.0 call, kept in
/// `liblutnetc.so` so that such programs still run and are told to recompile. Their
/// `lutnet_parameters` had no size field and four layouts (0.1.0 to 0.4.0, 56 to 88 bytes on
/// 64-bit machines), so nothing tells them apart: these functions touch only the fields every one
/// of those layouts began with. New programs never call them: lutnet.h's macros of the same names
/// call the `_sized` functions. (The names are parenthesized so that those macros leave them be.)
#ifndef LUTNET_LEGACY_H
#define LUTNET_LEGACY_H

#include "lutnet.h"

#ifdef __cplusplus
extern "C" {
#endif

/// The fields every `lutnet_parameters` before 0.5.0 began with, in their order (0.1.0's whole
/// struct): the most of an old program's struct the library may touch.
typedef struct lutnet_legacy_parameters {
    int32_t k;
    const char *layers;
    const uint32_t *hidden_widths;
    size_t hidden_layer_count;
    int32_t threshold;
    uint64_t seed;
    int32_t threads;
} lutnet_legacy_parameters;

/// Fills the fields of `lutnet_legacy_parameters` with the defaults, and no byte past them.
/// NULL is ignored.
void (lutnet_default_parameters)(lutnet_legacy_parameters *parameters);

/// A static sentence refusing the parameters (the program must be recompiled); reads none of them.
const char *(lutnet_check_parameters)(const lutnet_legacy_parameters *parameters);

/// Refuses the parameters with LUTNET_ERROR_INVALID_PARAMETERS and a sentence asking for the
/// program to be recompiled, reading none of them; `*model` is set to NULL.
lutnet_status (lutnet_train)(const lutnet_dataset *dataset, const char *task,
                             const lutnet_legacy_parameters *parameters, lutnet_model **model,
                             lutnet_error *error);

#ifdef __cplusplus
}
#endif

#endif
