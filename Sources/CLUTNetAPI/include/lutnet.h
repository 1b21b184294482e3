/// LUTNet's C API: train networks of k-input lookup tables (LUTs) by memorization, predict with
/// them, save and load them. The library is `liblutnetc.so` (build it with
/// `swift build -c release`); see Examples/c/README.md.
///
/// A typical program:
///
///     lutnet_error error;
///     lutnet_dataset *data = NULL;
///     lutnet_model *model = NULL;
///     lutnet_parameters parameters;
///     lutnet_default_parameters(&parameters);
///     parameters.layers = "2x256";
///     if (lutnet_dataset_load("/usr/share/datasets/fashion-mnist", &data, &error) != LUTNET_OK ||
///         lutnet_train(data, "0-4:5-9", &parameters, &model, &error) != LUTNET_OK) {
///         fprintf(stderr, "%s\n", error.message);
///     }
///     ...
///     lutnet_model_free(model);
///     lutnet_dataset_free(data);
///
/// Errors. Every function that can fail returns a `lutnet_status` and takes, last, a pointer to a
/// caller-owned `lutnet_error` (it may be NULL when the caller only wants the code). The function
/// writes the returned status and a NUL-terminated sentence saying what is wrong into it (an empty
/// string on success). Bad input never aborts the host: NULL pointers, zero or overflowing counts,
/// sizes that disagree, invalid tasks or parameters and damaged files all come back as codes.
///
/// Ownership. Pointers the caller passes in stay the caller's: the library reads them during the
/// call only (datasets made from memory copy the examples). A handle returned through an out
/// parameter (`lutnet_dataset **`, `lutnet_model **`) belongs to the caller, who frees it with
/// the matching `_free` function; on failure the out parameter is set to NULL. Strings returned
/// as `const char *` are never freed by the caller: static ones live for the whole process,
/// a model's task lives as long as the model.
///
/// Threads. The library keeps no global mutable state. Datasets and models never change after
/// they are made, so any number of threads may use the same handle at once; free a handle only
/// when no call is using it. A `lutnet_error` is written by the call it is passed to: give each
/// thread its own. Training, prediction and accuracy spread their work over `threads` worker
/// threads of their own and return only when the work is done.
#ifndef LUTNET_H
#define LUTNET_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The version of this header; `lutnet_version()` returns the library's, which should be equal. A
/// change of the first two numbers changes a struct or adds a function (0.2.0: `lutnet_parameters`
/// gained `wiring`; 0.3.0: `layer_ks` and `layer_k_count`; 0.4.0: `input_bits`; 0.5.0: `size`, first;
/// 0.6.0: `lutnet_dataset_from_images`).
///
/// Compatibility. Since 0.5.0 `lutnet_parameters` begins with its `size`, which
/// `lutnet_default_parameters` sets to the `sizeof` of the header the program was compiled with,
/// and the library reads no byte past it: a library of a later version reads a 0.5.0 program's
/// struct and gives the fields it lacks their defaults, and this library takes a later program's
/// larger struct when the bytes past its own fields are zero (fields the program left at their
/// defaults). A program compiled against a header before 0.5.0 (whose struct had no size) still
/// runs: `lutnet_default_parameters` fills only the fields every one of those structs began with
/// (`k` to `threads`), and `lutnet_check_parameters` and `lutnet_train` refuse its parameters, asking
/// for the program to be recompiled, without reading them.
#define LUTNET_VERSION "0.6.0"

/// Bytes in `lutnet_error.message`, the terminating NUL included. Longer messages are cut at a
/// UTF-8 character boundary.
#define LUTNET_MESSAGE_CAPACITY 512

/// The largest number of inputs per LUT (`lutnet_parameters.k`).
#define LUTNET_MAX_K 16

/// The largest number of LUTs in one hidden layer.
#define LUTNET_MAX_LAYER_WIDTH 16777216

/// The largest number of hidden layers.
#define LUTNET_MAX_HIDDEN_LAYERS 1000

/// What a call did. Every failure has its own code; `lutnet_error.message` says more.
typedef enum lutnet_status {
    LUTNET_OK = 0,
    LUTNET_ERROR_NULL_ARGUMENT = 1,      ///< a required pointer is NULL
    LUTNET_ERROR_INVALID_ARGUMENT = 2,   ///< a count is zero or too large, a buffer too small, a split absent
    LUTNET_ERROR_INVALID_PARAMETERS = 3, ///< `lutnet_parameters` out of range (see lutnet_check_parameters)
    LUTNET_ERROR_INVALID_TASK = 4,       ///< a task string that cannot be parsed, or overlapping groups
    LUTNET_ERROR_EMPTY_TASK_GROUP = 5,   ///< a group of the task has no examples in the data
    LUTNET_ERROR_SIZE_MISMATCH = 6,      ///< the data's bytes per example differ from the model's inputs
    LUTNET_ERROR_DATASET = 7,            ///< a dataset folder is missing, incomplete or damaged
    LUTNET_ERROR_MODEL_FILE = 8,         ///< a model file cannot be read or written, or is damaged
} lutnet_status;

/// A call's outcome: its status and a sentence naming what is wrong. Owned by the caller
/// (typically a local variable); written by every call it is passed to.
typedef struct lutnet_error {
    lutnet_status status;                   ///< the status the call returned
    char message[LUTNET_MESSAGE_CAPACITY];  ///< NUL-terminated; empty on success
} lutnet_error;

/// A dataset's two parts.
typedef enum lutnet_split {
    LUTNET_SPLIT_TRAIN = 0,  ///< the training examples (every dataset has them)
    LUTNET_SPLIT_TEST = 1,   ///< the test examples (only datasets loaded from a folder with t10k-/test- files)
} lutnet_split;

/// Labeled examples, each a fixed number of bytes (pixels, or every channel of every pixel) and
/// a class label 0-255: a training split and, for folders that have one, a test split.
typedef struct lutnet_dataset lutnet_dataset;

/// A trained LUT network with everything needed to apply it to new examples: the number of
/// input bytes, the binarization threshold and the task it answers.
typedef struct lutnet_model lutnet_model;

/// How to train a network. Fill it with `lutnet_default_parameters`, then change fields (never
/// `size`). The defaults are the library's, the same as the `lutnet` command's: for a binary task
/// the paper's k = 8 and 5 × 1024 hidden LUTs; for a multi-class task, when `k` and `layers` are
/// left as `lutnet_default_parameters` set them (and `layer_ks` NULL), k = 10 and 3 × 500 LUTs per
/// class, with 6 × 6 first-layer windows on images of at least 6 × 6 pixels.
typedef struct lutnet_parameters {
    /// Bytes of this struct as the program knows it: `sizeof(lutnet_parameters)` of the header it
    /// was compiled with, set by `lutnet_default_parameters`. The library reads no byte past it
    /// (see LUTNET_VERSION).
    size_t size;
    /// Inputs per LUT, 1 to LUTNET_MAX_K, in every layer (see `layer_ks` for one per layer). Default 8
    /// (a multi-class task left at the defaults: 10).
    int32_t k;
    /// Hidden layers as text: "DEPTHxWIDTH" ("5x1024") or a list of widths ("1024,512,256");
    /// "" or "0" means none (the output LUT reads the inputs). Default "5x1024" (a multi-class task
    /// left at the defaults: "3x500" per class; any other pointer, even to the same text, is read as
    /// given). Set it to NULL to give the widths as an array in `hidden_widths` instead.
    const char *layers;
    /// LUTs in each hidden layer, first layer first; read only when `layers` is NULL. Each 1 to
    /// LUTNET_MAX_LAYER_WIDTH. Default NULL.
    const uint32_t *hidden_widths;
    /// Entries of `hidden_widths`, 0 to LUTNET_MAX_HIDDEN_LAYERS. Default 0.
    size_t hidden_layer_count;
    /// Binarization threshold, 1 to 255: an input bit is 1 when its byte is >= threshold.
    /// Default 128.
    int32_t threshold;
    /// Seed of the random wiring and of tie-breaking: the same seed gives the same network
    /// whatever the number of threads. Default 0.
    uint64_t seed;
    /// Worker threads, 0 to 1024; 0 means one per active core. Used by training and stored in the model for
    /// its predictions (a loaded model uses every core). Default 0.
    int32_t threads;
    /// How LUTs choose their inputs, as text: "random" (the paper), "greedy" (binary tasks: every
    /// LUT chooses its inputs by the conditional entropy of the label, learned from the training
    /// examples; model format version 9), "local:S" (each first-layer
    /// LUT reads k inputs of one S × S window of the image) or "hier:S,NEAR,L" (layers 2 to L read
    /// k of the NEAR nearest LUTs below), optionally followed by ",grid" or ",gridT" (windows on a
    /// grid covering the image). For a multi-class task every class's network is wired so over its
    /// own layers. NULL means "random" for a binary task and "local:6" for a multi-class task on
    /// images of at least 6 × 6 pixels. The image shape comes from the dataset (IDX dimensions,
    /// CIFAR-10, `lutnet_dataset_from_images`, a square PLA input count). Default NULL.
    const char *wiring;
    /// Inputs per LUT layer by layer, as `lutnet train --k 12/8`: `layer_k_count` values, the first
    /// hidden layer's first, the last value repeating upward to the output LUT ({12, 8}: k = 12 in
    /// the first layer, 8 above). Each 1 to LUTNET_MAX_K; 1 to LUTNET_MAX_HIDDEN_LAYERS + 1 values,
    /// and no more than the network has layers (its hidden layers and the output LUT). When not
    /// NULL, `k` is not read. Binary tasks only: for a multi-class task the values must all be equal
    /// (every layer of a multi-class model has one k). A network whose ks differ is saved as model
    /// format version 6. Default NULL.
    const int32_t *layer_ks;
    /// Entries of `layer_ks`; 0 when it is NULL. Default 0.
    size_t layer_k_count;
    /// The bits read of every pixel, as `lutnet train --input-bits`: families separated by commas,
    /// "threshold" (each byte at `threshold`, the paper's bits), "mean" (each byte above the
    /// image's mean byte), "opponents" (red > green, blue > red, green > blue; RGB images) and
    /// "thermometer:N" (each byte at N evenly spaced thresholds 256·i/(N+1), i = 1..N; N 1 to 64),
    /// "neighbours:D" (each byte against the same byte of the pixel's 8 neighbours: above it + D;
    /// D 0 to 255) and "deskew" (not bits: every family reads the image straightened first, its
    /// centre of mass moved to the centre and its slant sheared upright, in integers; name a family
    /// beside it, as "deskew,threshold"). "deskew" and "neighbours:D" need images of a known height
    /// and width (a dataset loaded from a folder or made by `lutnet_dataset_from_images`): a dataset
    /// of `lutnet_dataset_from_memory` (flat examples) or a PLA file is refused with
    /// LUTNET_ERROR_INVALID_PARAMETERS; a model that reads them records the images' sides and
    /// `lutnet_predict` reads each example's bytes (flat, `lutnet_model_input_count` of them) as
    /// such an image.
    /// The model records them and applies them to the bytes it predicts, which stay the images' own
    /// (`lutnet_model_input_count` counts bytes). Binary and multi-class tasks; NULL means
    /// "threshold". A model that reads more than the threshold bits is saved as model format
    /// version 7 (binary) or 8 (multi-class), 10 or 11 when it reads "deskew" or "neighbours:D".
    /// Default NULL.
    const char *input_bits;
} lutnet_parameters;

/// The library's version, e.g. "0.6.0" (static); `lutnet --version` prints the same.
const char *lutnet_version(void);

/// The name of a status, e.g. "LUTNET_ERROR_NULL_ARGUMENT" (static); "LUTNET_UNKNOWN_STATUS" for
/// a value that is not a `lutnet_status`.
const char *lutnet_status_name(lutnet_status status);

/// Fills `parameters` with the defaults documented in `lutnet_parameters` and sets its `size` to
/// `sizeof(lutnet_parameters)`. NULL is ignored. A macro for `lutnet_default_parameters_sized`.
#define lutnet_default_parameters(parameters) \
    lutnet_default_parameters_sized((parameters), sizeof(lutnet_parameters))

/// Fills the first `size` bytes of `parameters`: the defaults of the fields this library knows,
/// zero in the bytes past them, and `size` in the size field. A `size` below this library's
/// `sizeof(lutnet_parameters)` writes the size field alone (when it fits), so that the checks
/// refuse the struct. NULL is ignored. Call it through `lutnet_default_parameters`.
void lutnet_default_parameters_sized(lutnet_parameters *parameters, size_t size);

/// Fills `parameters` with the preset `name`, "paper" (the paper's network, the defaults),
/// "best" (the most accurate network measured within twice its training time), or a dataset's
/// most accurate network ("mnist", "fashion-mnist", "cifar10"), for a task of the kind `task`
/// names ("all" or three groups or more: multi-class, else binary), as `lutnet train --preset`
/// does: `lutnet_default_parameters`, then `k`, `layers`, `wiring` and `input_bits` (static
/// strings; do not free them), and `threshold` when the preset sets one. The presets are listed by
/// `lutnet train --help` and the README. A preset that reads a binary task through its classes
/// (`best` and the dataset presets; `lutnet train --readout classes`) or augments the training
/// images (`cifar10`; `lutnet train --augment`) cannot be expressed in `lutnet_parameters` and is
/// refused.
/// Errors: LUTNET_ERROR_NULL_ARGUMENT, LUTNET_ERROR_INVALID_ARGUMENT (an unknown name, or a preset
/// the parameters cannot express; `parameters` is then left unchanged). A macro for
/// `lutnet_preset_parameters_sized`, which it passes `sizeof(lutnet_parameters)`.
#define lutnet_preset_parameters(name, task, parameters, error) \
    lutnet_preset_parameters_sized((name), (task), (parameters), sizeof(lutnet_parameters), (error))

/// `lutnet_preset_parameters` for a struct of `size` bytes, written as
/// `lutnet_default_parameters_sized` writes it. Call it through `lutnet_preset_parameters`.
lutnet_status lutnet_preset_parameters_sized(const char *name, const char *task, lutnet_parameters *parameters,
                                             size_t size, lutnet_error *error);

/// NULL when `parameters` can be trained with, otherwise a static sentence saying which field is
/// wrong (do not free it). `lutnet_train` makes the same checks and reports the offending value.
/// A macro for `lutnet_check_parameters_sized`.
#define lutnet_check_parameters(parameters) lutnet_check_parameters_sized(parameters)

/// `lutnet_check_parameters` for a struct that has a `size` (every one since 0.5.0): a `size`
/// smaller than this library's struct, larger than 4096 bytes, or larger with a byte past this
/// library's fields that is not zero, is refused first.
const char *lutnet_check_parameters_sized(const lutnet_parameters *parameters);

/// Loads a dataset folder in MNIST's layout: train-images-idx3-ubyte[.gz] (or idx4 for color
/// images, every channel its own byte) with train-labels-idx1-ubyte[.gz], and optionally the same
/// with a t10k- or test- prefix for the test split. On success `*dataset` is a new handle the
/// caller frees with `lutnet_dataset_free`.
/// Errors: LUTNET_ERROR_NULL_ARGUMENT, LUTNET_ERROR_DATASET (message names the file at fault).
lutnet_status lutnet_dataset_load(const char *folder, lutnet_dataset **dataset, lutnet_error *error);

/// Makes a dataset (a training split only) from `count` examples in memory: `pixels` holds
/// `count * features` bytes, example after example; `labels` holds `count` class labels. Both are
/// copied: the caller keeps ownership and may free them on return. `count` and `features` must be
/// 1 to 4294967295. On success `*dataset` is a new handle the caller frees with
/// `lutnet_dataset_free`.
/// Errors: LUTNET_ERROR_NULL_ARGUMENT, LUTNET_ERROR_INVALID_ARGUMENT.
lutnet_status lutnet_dataset_from_memory(const uint8_t *pixels, const uint8_t *labels, size_t count,
                                         size_t features, lutnet_dataset **dataset,
                                         lutnet_error *error);

/// Makes a dataset (a training split only) from `count` images in memory, each `height` × `width`
/// pixels of `channels` bytes: `pixels` holds `count * height * width * channels` bytes, image
/// after image, each row after row and each pixel's channels together (H × W × C, as IDX files
/// store them); `labels` holds `count` class labels. Both are copied: the caller keeps ownership
/// and may free them on return. Unlike `lutnet_dataset_from_memory`'s flat examples, these images
/// have a known height and width, so "deskew" and "neighbours:D" input bits and "local:S" and
/// "hier:S,NEAR,L" wiring (`lutnet_parameters`) can read them, as they read a folder's images.
/// `count`, `height`, `width`, `channels` and the bytes per image (their product) must be 1 to
/// 4294967295. On success `*dataset` is a new handle the caller frees with `lutnet_dataset_free`.
/// Errors: LUTNET_ERROR_NULL_ARGUMENT, LUTNET_ERROR_INVALID_ARGUMENT.
lutnet_status lutnet_dataset_from_images(const uint8_t *pixels, const uint8_t *labels, size_t count,
                                         size_t height, size_t width, size_t channels,
                                         lutnet_dataset **dataset, lutnet_error *error);

/// Examples in a split of `dataset`; 0 when `dataset` is NULL or has no such split.
size_t lutnet_dataset_count(const lutnet_dataset *dataset, lutnet_split split);

/// Bytes per example (height × width × channels); 0 when `dataset` is NULL.
size_t lutnet_dataset_features(const lutnet_dataset *dataset);

/// Releases a dataset. NULL is allowed. Models trained on it do not refer to it.
void lutnet_dataset_free(lutnet_dataset *dataset);

/// Trains a network on the training split of `dataset` for `task`, two groups of classes
/// separated by ':' (first group label 0, second label 1; other classes are left out), such as
/// "0-4:5-9", "3:8" or "1,3,5,7,9:0,2,4,6,8"; or a multi-class model for three or more groups
/// ("0:1:2:3:4:5:6:7:8:9", group g being class g) or "all" (every class of the data): one network
/// per class of `parameters`' shape (k = 10, 3 × 500 when left at the defaults), images of at
/// least 6 × 6 read through 6 × 6 windows unless `wiring` says otherwise. On success `*model` is a
/// new handle the caller frees with `lutnet_model_free`.
/// Errors: LUTNET_ERROR_NULL_ARGUMENT, LUTNET_ERROR_INVALID_PARAMETERS (also when the network
/// would need more memory than the machine has), LUTNET_ERROR_INVALID_TASK,
/// LUTNET_ERROR_EMPTY_TASK_GROUP.
/// A macro for `lutnet_train_sized`, which reads `parameters->size` (see LUTNET_VERSION).
#define lutnet_train(dataset, task, parameters, model, error) \
    lutnet_train_sized((dataset), (task), (parameters), (model), (error))

/// `lutnet_train` for a struct that has a `size`: refuses it as `lutnet_check_parameters_sized`
/// does. Call it through `lutnet_train`.
lutnet_status lutnet_train_sized(const lutnet_dataset *dataset, const char *task,
                                 const lutnet_parameters *parameters, lutnet_model **model,
                                 lutnet_error *error);

/// The model's answer as a byte: 0 or 1 (the task's first or second group) for a binary network,
/// the class (index of its group in the task) for a multi-class model, for `count` examples of
/// `features` bytes each in `pixels` (example after example), written to `predictions[0..count)`.
/// `features` must equal `lutnet_model_input_count(model)`.
/// Errors: LUTNET_ERROR_NULL_ARGUMENT, LUTNET_ERROR_INVALID_ARGUMENT (count 0 or too large),
/// LUTNET_ERROR_SIZE_MISMATCH.
lutnet_status lutnet_predict(const lutnet_model *model, const uint8_t *pixels, size_t count,
                             size_t features, uint8_t *predictions, lutnet_error *error);

/// The model's answer for every example of a split of `dataset` (whatever its class), written to
/// `predictions`, which has room for `capacity` bytes; `lutnet_dataset_count` gives the number.
/// Errors: LUTNET_ERROR_NULL_ARGUMENT, LUTNET_ERROR_INVALID_ARGUMENT (no such split, or capacity
/// below the split's count), LUTNET_ERROR_SIZE_MISMATCH.
lutnet_status lutnet_predict_dataset(const lutnet_model *model, const lutnet_dataset *dataset,
                                     lutnet_split split, uint8_t *predictions, size_t capacity,
                                     lutnet_error *error);

/// The fraction, 0 to 1, of the examples of a split of `dataset` taking part in `task` whose
/// label the model predicts; `task` NULL means the task the model was trained on.
/// Errors: LUTNET_ERROR_NULL_ARGUMENT, LUTNET_ERROR_INVALID_ARGUMENT (no such split),
/// LUTNET_ERROR_INVALID_TASK, LUTNET_ERROR_EMPTY_TASK_GROUP, LUTNET_ERROR_SIZE_MISMATCH.
lutnet_status lutnet_accuracy(const lutnet_model *model, const lutnet_dataset *dataset,
                              lutnet_split split, const char *task, double *accuracy,
                              lutnet_error *error);

/// Writes `model` to `path` in LUTNet's model file format (the one `lutnet train --save` writes),
/// atomically: a reader never sees half a model.
/// Errors: LUTNET_ERROR_NULL_ARGUMENT, LUTNET_ERROR_MODEL_FILE.
lutnet_status lutnet_model_save(const lutnet_model *model, const char *path, lutnet_error *error);

/// Reads a model file of any version this build reads, a network whose layers have different k
/// (`lutnet train --k 12/8`, or `lutnet_parameters.layer_ks`) included. A wrong magic, an unknown version, a bad
/// checksum, a truncated file or inconsistent contents are refused. On success `*model` is a new handle the caller frees with
/// `lutnet_model_free`.
/// Errors: LUTNET_ERROR_NULL_ARGUMENT, LUTNET_ERROR_MODEL_FILE (message names the file).
lutnet_status lutnet_model_load(const char *path, lutnet_model **model, lutnet_error *error);

/// Bytes per example the model reads; 0 when `model` is NULL.
size_t lutnet_model_input_count(const lutnet_model *model);

/// The model's task in canonical form, e.g. "0-4:5-9"; owned by the model (valid until
/// `lutnet_model_free`). NULL when `model` is NULL.
const char *lutnet_model_task(const lutnet_model *model);

/// The number of classes the model answers with: 2 for a binary network and for a binary task read
/// through its classes (`lutnet train --readout classes`, whose answers and accuracy are its
/// task's groups), the task's groups for a multi-class model; 0 when `model` is NULL.
size_t lutnet_model_class_count(const lutnet_model *model);

/// Releases a model. NULL is allowed.
void lutnet_model_free(lutnet_model *model);

#ifdef __cplusplus
}
#endif

#endif
