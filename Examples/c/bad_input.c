// Feeds LUTNet's C API every kind of bad input and checks that each call returns its error code
// with a message saying what is wrong, and never aborts.
//
// Usage: bad_input SCRATCH_FOLDER
//   SCRATCH_FOLDER  an existing, empty, writable folder for the damaged files this program makes
// Prints one line per case ("ok" or "FAIL", the case, the status and the message) and exits with
// status 0 when every case behaved, 1 otherwise.
#include <lutnet.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cases = 0;
static int failures = 0;

// Checks that a call returned `expected`, that `error` holds the same status and a non-empty
// message containing `needle` (when not NULL), and prints the outcome.
static void expect(const char *name, lutnet_status returned, lutnet_status expected, const lutnet_error *error,
                   const char *needle) {
    cases++;
    const int message_ok = strlen(error->message) > 0 && strlen(error->message) < LUTNET_MESSAGE_CAPACITY &&
                           (needle == NULL || strstr(error->message, needle) != NULL);
    if (returned == expected && error->status == expected && message_ok) {
        printf("ok %s: %s: %s\n", name, lutnet_status_name(returned), error->message);
    } else {
        failures++;
        printf("FAIL %s: expected %s with a message containing '%s', got %s: %s\n", name,
               lutnet_status_name(expected), needle ? needle : "", lutnet_status_name(returned), error->message);
    }
}

// Checks a condition that has no status (accessors, static messages).
static void expect_true(const char *name, int condition, const char *detail) {
    cases++;
    if (condition) {
        printf("ok %s: %s\n", name, detail);
    } else {
        failures++;
        printf("FAIL %s: %s\n", name, detail);
    }
}

// Checks that lutnet_check_parameters refuses `parameters` with a message containing `needle`.
static void expect_refused(const char *name, const lutnet_parameters *parameters, const char *needle) {
    const char *message = lutnet_check_parameters(parameters);
    char detail[LUTNET_MESSAGE_CAPACITY];
    snprintf(detail, sizeof detail, "%s", message ? message : "(accepted)");
    expect_true(name, message != NULL && strstr(message, needle) != NULL, detail);
}

// Writes `size` bytes to `path`; returns 0 on success.
static int write_file(const char *path, const void *bytes, size_t size) {
    FILE *file = fopen(path, "wb");
    if (file == NULL) return 1;
    const size_t written = fwrite(bytes, 1, size, file);
    return fclose(file) != 0 || written != size;
}

// Reads a whole file into a new buffer (freed by the caller); returns NULL on failure.
static uint8_t *read_file(const char *path, size_t *size) {
    FILE *file = fopen(path, "rb");
    if (file == NULL) return NULL;
    uint8_t *bytes = NULL;
    if (fseek(file, 0, SEEK_END) == 0) {
        const long length = ftell(file);
        if (length > 0 && fseek(file, 0, SEEK_SET) == 0 && (bytes = malloc((size_t)length)) != NULL) {
            if (fread(bytes, 1, (size_t)length, file) == (size_t)length) {
                *size = (size_t)length;
            } else {
                free(bytes);
                bytes = NULL;
            }
        }
    }
    fclose(file);
    return bytes;
}

enum { EXAMPLES = 40, FEATURES = 16 };

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: bad_input SCRATCH_FOLDER\n");
        return 1;
    }
    const char *scratch = argv[1];
    char path[4096];
    lutnet_error error;
    lutnet_status status;

    // A small, good dataset in memory: four classes, each lighting its own quarter of the bytes.
    uint8_t pixels[EXAMPLES * FEATURES];
    uint8_t labels[EXAMPLES];
    for (int e = 0; e < EXAMPLES; e++) {
        labels[e] = (uint8_t)(e % 4);
        for (int f = 0; f < FEATURES; f++) {
            pixels[e * FEATURES + f] = (uint8_t)(f / 4 == e % 4 ? 200 + (e * 7 + f) % 50 : (e * 13 + f * 5) % 100);
        }
    }
    lutnet_dataset *data = NULL;
    status = lutnet_dataset_from_memory(pixels, labels, EXAMPLES, FEATURES, &data, &error);
    if (status != LUTNET_OK) {
        printf("FAIL setup: %s\n", error.message);
        return 1;
    }
    lutnet_parameters parameters;
    lutnet_default_parameters(&parameters);
    parameters.k = 4;
    parameters.layers = "8";
    parameters.threads = 1;
    lutnet_model *model = NULL;
    status = lutnet_train(data, "0,1:2,3", &parameters, &model, &error);
    if (status != LUTNET_OK) {
        printf("FAIL setup: %s\n", error.message);
        lutnet_dataset_free(data);
        return 1;
    }

    // Library-wide functions.
    expect_true("version", strcmp(lutnet_version(), LUTNET_VERSION) == 0, lutnet_version());
    expect_true("status_name_unknown", strcmp(lutnet_status_name((lutnet_status)99), "LUTNET_UNKNOWN_STATUS") == 0,
                lutnet_status_name((lutnet_status)99));
    expect_true("status_name_known", strcmp(lutnet_status_name(LUTNET_ERROR_MODEL_FILE), "LUTNET_ERROR_MODEL_FILE") == 0,
                lutnet_status_name(LUTNET_ERROR_MODEL_FILE));
    lutnet_default_parameters(NULL);
    expect_true("accessors_of_null", lutnet_dataset_count(NULL, LUTNET_SPLIT_TRAIN) == 0 &&
                lutnet_dataset_features(NULL) == 0 && lutnet_model_input_count(NULL) == 0 &&
                lutnet_model_task(NULL) == NULL, "0 and NULL");
    lutnet_dataset_free(NULL);
    lutnet_model_free(NULL);
    expect_true("no_test_split_in_memory", lutnet_dataset_count(data, LUTNET_SPLIT_TEST) == 0 &&
                lutnet_dataset_count(data, LUTNET_SPLIT_TRAIN) == EXAMPLES && lutnet_dataset_features(data) == FEATURES,
                "40 training examples of 16 bytes, no test split");
    status = lutnet_dataset_load(NULL, NULL, NULL);
    expect_true("null_error_pointer", status == LUTNET_ERROR_NULL_ARGUMENT, lutnet_status_name(status));

    // Parameters.
    lutnet_model *trained = NULL;
    lutnet_parameters defaults;
    lutnet_default_parameters(&defaults);
    expect_true("defaults_valid", lutnet_check_parameters(&defaults) == NULL && defaults.k == 8 &&
                defaults.threshold == 128 && strcmp(defaults.layers, "5x1024") == 0, "k=8, 5x1024, threshold 128");
    expect_refused("parameters_null", NULL, "NULL");
    lutnet_parameters p = defaults;
    p.k = 0;
    expect_refused("k_zero", &p, "k must be 1 to 16");
    p.k = 17;
    expect_refused("k_seventeen", &p, "k must be 1 to 16");
    status = lutnet_train(data, "0,1:2,3", &p, &trained, &error);
    expect("train_k_seventeen", status, LUTNET_ERROR_INVALID_PARAMETERS, &error, "k = 17");
    p = defaults;
    p.threshold = 0;
    expect_refused("threshold_zero", &p, "threshold");
    p.threshold = 256;
    expect_refused("threshold_256", &p, "threshold");
    p = defaults;
    p.threads = -1;
    expect_refused("threads_negative", &p, "threads");
    p = defaults;
    p.layers = "5y1024";
    expect_refused("layers_unparsable", &p, "layers");
    status = lutnet_train(data, "0,1:2,3", &p, &trained, &error);
    expect("train_layers_unparsable", status, LUTNET_ERROR_INVALID_PARAMETERS, &error, "5y1024");
    p.layers = "2x0";
    expect_refused("layers_zero_width", &p, "layers");
    p.layers = "1001x1";
    expect_refused("layers_too_deep", &p, "1000");
    const uint32_t widths[] = {8, 0};
    p = defaults;
    p.hidden_widths = widths;
    p.hidden_layer_count = 2;
    expect_refused("layers_and_widths", &p, "either layers or hidden_widths");
    p.layers = NULL;
    expect_refused("width_zero", &p, "width");
    status = lutnet_train(data, "0,1:2,3", &p, &trained, &error);
    expect("train_width_zero", status, LUTNET_ERROR_INVALID_PARAMETERS, &error, "hidden_widths[1] = 0");
    p.hidden_widths = NULL;
    expect_refused("widths_null", &p, "hidden_widths is NULL");
    p.hidden_widths = widths;
    p.hidden_layer_count = 1001;
    expect_refused("widths_too_many", &p, "1000");
    p.hidden_layer_count = 1;
    expect_true("widths_valid", lutnet_check_parameters(&p) == NULL, "hidden_widths {8}");
    p = defaults;
    p.k = 16;
    p.layers = "5x16777216";
    status = lutnet_train(data, "0,1:2,3", &p, &trained, &error);
    expect("train_network_too_large", status, LUTNET_ERROR_INVALID_PARAMETERS, &error, "training needs about");
    p = defaults;
    p.threads = INT32_MAX;  // what the check refuses, training refuses with the value
    expect_refused("threads_too_many", &p, "threads must be 0 (one per core) to 1024");
    status = lutnet_train(data, "0,1:2,3", &p, &trained, &error);
    expect("train_threads_too_many", status, LUTNET_ERROR_INVALID_PARAMETERS, &error, "threads = 2147483647");
    p = defaults;
    p.wiring = "local:6\n";
    expect_refused("wiring_line_break", &p, "wiring must be");
    p.wiring = "";
    expect_refused("wiring_empty", &p, "wiring must be");
    p = defaults;
    p.input_bits = "mean ";
    expect_refused("input_bits_trailing_space", &p, "input_bits must list");
    status = lutnet_train(data, "0,1:2,3", &p, &trained, &error);
    expect("train_input_bits_trailing_space", status, LUTNET_ERROR_INVALID_PARAMETERS, &error,
           "starts or ends with white space");
    p = defaults;
    const int32_t ks[] = {8};
    p.layer_ks = ks;
    p.layer_k_count = SIZE_MAX;
    status = lutnet_train(data, "0,1:2,3", &p, &trained, &error);
    expect("train_layer_k_count_size_max", status, LUTNET_ERROR_INVALID_PARAMETERS, &error,
           "layer_k_count = 18446744073709551615");

    // Datasets.
    lutnet_dataset *other = NULL;
    status = lutnet_dataset_load(NULL, &other, &error);
    expect("load_null_folder", status, LUTNET_ERROR_NULL_ARGUMENT, &error, "folder");
    status = lutnet_dataset_load(scratch, NULL, &error);
    expect("load_null_out", status, LUTNET_ERROR_NULL_ARGUMENT, &error, "dataset");
    status = lutnet_dataset_load("/nonexistent/lutnet-data", &other, &error);
    expect("load_missing_folder", status, LUTNET_ERROR_DATASET, &error, "/nonexistent/lutnet-data");
    expect_true("load_failure_clears_out", other == NULL, "out handle is NULL");
    char long_path[2048];
    memset(long_path, 'a', sizeof long_path - 1);
    long_path[0] = '/';
    long_path[sizeof long_path - 1] = '\0';
    status = lutnet_dataset_load(long_path, &other, &error);
    expect("load_long_path_message_fits", status, LUTNET_ERROR_DATASET, &error, "/aaaa");
    expect_true("long_message_cut_to_capacity", strlen(error.message) == LUTNET_MESSAGE_CAPACITY - 1, "511 bytes");
    status = lutnet_dataset_load(scratch, &other, &error);
    expect("load_folder_without_files", status, LUTNET_ERROR_DATASET, &error, "train-images-idx3-ubyte");
    const uint8_t cut_header[] = {0x00, 0x00, 0x08, 0x03, 0x00, 0x00};
    snprintf(path, sizeof path, "%s/train-images-idx3-ubyte", scratch);
    int written = write_file(path, cut_header, sizeof cut_header) == 0;
    snprintf(path, sizeof path, "%s/train-labels-idx1-ubyte", scratch);
    written = written && write_file(path, cut_header, 4) == 0;
    status = lutnet_dataset_load(scratch, &other, &error);
    expect("load_truncated_idx", status, written ? LUTNET_ERROR_DATASET : LUTNET_OK, &error,
           "train-images-idx3-ubyte");
    status = lutnet_dataset_from_memory(NULL, labels, EXAMPLES, FEATURES, &other, &error);
    expect("memory_null_pixels", status, LUTNET_ERROR_NULL_ARGUMENT, &error, "pixels");
    status = lutnet_dataset_from_memory(pixels, NULL, EXAMPLES, FEATURES, &other, &error);
    expect("memory_null_labels", status, LUTNET_ERROR_NULL_ARGUMENT, &error, "labels");
    status = lutnet_dataset_from_memory(pixels, labels, EXAMPLES, FEATURES, NULL, &error);
    expect("memory_null_out", status, LUTNET_ERROR_NULL_ARGUMENT, &error, "dataset");
    status = lutnet_dataset_from_memory(pixels, labels, 0, FEATURES, &other, &error);
    expect("memory_zero_count", status, LUTNET_ERROR_INVALID_ARGUMENT, &error, "count is 0");
    status = lutnet_dataset_from_memory(pixels, labels, EXAMPLES, 0, &other, &error);
    expect("memory_zero_features", status, LUTNET_ERROR_INVALID_ARGUMENT, &error, "features is 0");
    status = lutnet_dataset_from_memory(pixels, labels, SIZE_MAX, FEATURES, &other, &error);
    expect("memory_count_too_large", status, LUTNET_ERROR_INVALID_ARGUMENT, &error, "count");
    status = lutnet_dataset_from_memory(pixels, labels, 4294967295u, 4294967295u, &other, &error);
    expect("memory_size_overflows", status, LUTNET_ERROR_INVALID_ARGUMENT, &error, "overflows");

    // Training.
    lutnet_parameters small = parameters;
    status = lutnet_train(NULL, "0:1", &small, &trained, &error);
    expect("train_null_dataset", status, LUTNET_ERROR_NULL_ARGUMENT, &error, "dataset");
    status = lutnet_train(data, NULL, &small, &trained, &error);
    expect("train_null_task", status, LUTNET_ERROR_NULL_ARGUMENT, &error, "task");
    status = lutnet_train(data, "0:1", NULL, &trained, &error);
    expect("train_null_parameters", status, LUTNET_ERROR_NULL_ARGUMENT, &error, "parameters");
    status = lutnet_train(data, "0:1", &small, NULL, &error);
    expect("train_null_out", status, LUTNET_ERROR_NULL_ARGUMENT, &error, "model");
    status = lutnet_train(data, "0-4", &small, &trained, &error);
    expect("task_without_colon", status, LUTNET_ERROR_INVALID_TASK, &error, "0-4");
    status = lutnet_train(data, "0-2:2-3", &small, &trained, &error);
    expect("task_overlapping", status, LUTNET_ERROR_INVALID_TASK, &error, "class 2 is in both groups");
    status = lutnet_train(data, "a:b", &small, &trained, &error);
    expect("task_not_numbers", status, LUTNET_ERROR_INVALID_TASK, &error, "'a'");
    status = lutnet_train(data, "", &small, &trained, &error);
    expect("task_empty", status, LUTNET_ERROR_INVALID_TASK, &error, "invalid task");
    status = lutnet_train(data, "0:300", &small, &trained, &error);
    expect("task_class_out_of_range", status, LUTNET_ERROR_INVALID_TASK, &error, "300");
    status = lutnet_train(data, "0:7", &small, &trained, &error);
    expect("task_group_without_examples", status, LUTNET_ERROR_EMPTY_TASK_GROUP, &error, "group B has no examples");
    expect_true("train_failure_clears_out", trained == NULL, "out handle is NULL");

    // Prediction and accuracy.
    uint8_t answers[EXAMPLES];
    status = lutnet_predict(NULL, pixels, EXAMPLES, FEATURES, answers, &error);
    expect("predict_null_model", status, LUTNET_ERROR_NULL_ARGUMENT, &error, "model");
    status = lutnet_predict(model, NULL, EXAMPLES, FEATURES, answers, &error);
    expect("predict_null_pixels", status, LUTNET_ERROR_NULL_ARGUMENT, &error, "pixels");
    status = lutnet_predict(model, pixels, EXAMPLES, FEATURES, NULL, &error);
    expect("predict_null_predictions", status, LUTNET_ERROR_NULL_ARGUMENT, &error, "predictions");
    status = lutnet_predict(model, pixels, 0, FEATURES, answers, &error);
    expect("predict_zero_count", status, LUTNET_ERROR_INVALID_ARGUMENT, &error, "count is 0");
    status = lutnet_predict(model, pixels, EXAMPLES * 2, FEATURES / 2, answers, &error);
    expect("predict_wrong_features", status, LUTNET_ERROR_SIZE_MISMATCH, &error, "8 bytes each but the model reads 16");
    status = lutnet_predict(model, pixels, EXAMPLES, FEATURES, answers, &error);
    expect_true("predict_good", status == LUTNET_OK && error.status == LUTNET_OK && error.message[0] == '\0',
                "LUTNET_OK with an empty message");
    status = lutnet_predict_dataset(model, data, LUTNET_SPLIT_TRAIN, answers, EXAMPLES - 1, &error);
    expect("predict_dataset_small_buffer", status, LUTNET_ERROR_INVALID_ARGUMENT, &error, "room for 39");
    status = lutnet_predict_dataset(model, data, LUTNET_SPLIT_TEST, answers, EXAMPLES, &error);
    expect("predict_dataset_no_test_split", status, LUTNET_ERROR_INVALID_ARGUMENT, &error, "no test split");
    status = lutnet_predict_dataset(model, data, (lutnet_split)7, answers, EXAMPLES, &error);
    expect("predict_dataset_bad_split", status, LUTNET_ERROR_INVALID_ARGUMENT, &error, "split 7");
    status = lutnet_predict_dataset(NULL, data, LUTNET_SPLIT_TRAIN, answers, EXAMPLES, &error);
    expect("predict_dataset_null_model", status, LUTNET_ERROR_NULL_ARGUMENT, &error, "model");
    status = lutnet_predict_dataset(model, NULL, LUTNET_SPLIT_TRAIN, answers, EXAMPLES, &error);
    expect("predict_dataset_null_dataset", status, LUTNET_ERROR_NULL_ARGUMENT, &error, "dataset");
    status = lutnet_predict_dataset(model, data, LUTNET_SPLIT_TRAIN, NULL, EXAMPLES, &error);
    expect("predict_dataset_null_predictions", status, LUTNET_ERROR_NULL_ARGUMENT, &error, "predictions");
    lutnet_dataset *narrow = NULL;
    status = lutnet_dataset_from_memory(pixels, labels, EXAMPLES * 2, FEATURES / 2, &narrow, &error);
    expect_true("narrow_dataset", status == LUTNET_OK, error.message);
    status = lutnet_predict_dataset(model, narrow, LUTNET_SPLIT_TRAIN, answers, EXAMPLES * 2, &error);
    expect("predict_dataset_wrong_features", status, LUTNET_ERROR_SIZE_MISMATCH, &error, "model reads 16");
    double accuracy = -1;
    status = lutnet_accuracy(model, narrow, LUTNET_SPLIT_TRAIN, NULL, &accuracy, &error);
    expect("accuracy_wrong_features", status, LUTNET_ERROR_SIZE_MISMATCH, &error, "dataset from memory");
    lutnet_dataset_free(narrow);
    status = lutnet_accuracy(NULL, data, LUTNET_SPLIT_TRAIN, NULL, &accuracy, &error);
    expect("accuracy_null_model", status, LUTNET_ERROR_NULL_ARGUMENT, &error, "model");
    status = lutnet_accuracy(model, NULL, LUTNET_SPLIT_TRAIN, NULL, &accuracy, &error);
    expect("accuracy_null_dataset", status, LUTNET_ERROR_NULL_ARGUMENT, &error, "dataset");
    status = lutnet_accuracy(model, data, LUTNET_SPLIT_TRAIN, NULL, NULL, &error);
    expect("accuracy_null_out", status, LUTNET_ERROR_NULL_ARGUMENT, &error, "accuracy");
    status = lutnet_accuracy(model, data, LUTNET_SPLIT_TRAIN, "0:1:2", &accuracy, &error);
    expect("accuracy_bad_task", status, LUTNET_ERROR_INVALID_TASK, &error, "0:1:2");
    status = lutnet_accuracy(model, data, LUTNET_SPLIT_TRAIN, "0:9", &accuracy, &error);
    expect("accuracy_task_without_examples", status, LUTNET_ERROR_EMPTY_TASK_GROUP, &error, "no examples");
    status = lutnet_accuracy(model, data, LUTNET_SPLIT_TEST, NULL, &accuracy, &error);
    expect("accuracy_no_test_split", status, LUTNET_ERROR_INVALID_ARGUMENT, &error, "no test split");
    expect_true("accuracy_untouched_on_failure", accuracy == -1, "still -1");

    // Model files.
    lutnet_model *loaded = NULL;
    status = lutnet_model_save(NULL, "x.lut", &error);
    expect("save_null_model", status, LUTNET_ERROR_NULL_ARGUMENT, &error, "model");
    status = lutnet_model_save(model, NULL, &error);
    expect("save_null_path", status, LUTNET_ERROR_NULL_ARGUMENT, &error, "path");
    status = lutnet_model_save(model, "/nonexistent/folder/model.lut", &error);
    expect("save_unwritable", status, LUTNET_ERROR_MODEL_FILE, &error, "/nonexistent/folder/model.lut");
    status = lutnet_model_load(NULL, &loaded, &error);
    expect("load_model_null_path", status, LUTNET_ERROR_NULL_ARGUMENT, &error, "path");
    status = lutnet_model_load("x.lut", NULL, &error);
    expect("load_model_null_out", status, LUTNET_ERROR_NULL_ARGUMENT, &error, "model");
    status = lutnet_model_load("/nonexistent/model.lut", &loaded, &error);
    expect("load_model_missing", status, LUTNET_ERROR_MODEL_FILE, &error, "/nonexistent/model.lut");
    status = lutnet_model_load(scratch, &loaded, &error);
    expect("load_model_folder", status, LUTNET_ERROR_MODEL_FILE, &error, scratch);

    char model_path[4096];
    snprintf(model_path, sizeof model_path, "%s/good.lut", scratch);
    status = lutnet_model_save(model, model_path, &error);
    size_t size = 0;
    uint8_t *good = status == LUTNET_OK ? read_file(model_path, &size) : NULL;
    expect_true("save_good", good != NULL && size > 16, model_path);
    if (good != NULL) {
        snprintf(path, sizeof path, "%s/damaged.lut", scratch);
        write_file(path, good, 0);
        status = lutnet_model_load(path, &loaded, &error);
        expect("load_model_empty", status, LUTNET_ERROR_MODEL_FILE, &error, "damaged.lut");
        write_file(path, good, 5);
        status = lutnet_model_load(path, &loaded, &error);
        expect("load_model_inside_magic", status, LUTNET_ERROR_MODEL_FILE, &error, "truncated");
        write_file(path, good, size / 2);
        status = lutnet_model_load(path, &loaded, &error);
        expect("load_model_half", status, LUTNET_ERROR_MODEL_FILE, &error, "damaged.lut");
        write_file(path, good, size - 1);
        status = lutnet_model_load(path, &loaded, &error);
        expect("load_model_last_byte_missing", status, LUTNET_ERROR_MODEL_FILE, &error, "damaged.lut");
        uint8_t *changed = malloc(size);
        if (changed != NULL) {
            memcpy(changed, good, size);
            changed[0] = 'X';
            write_file(path, changed, size);
            status = lutnet_model_load(path, &loaded, &error);
            expect("load_model_bad_magic", status, LUTNET_ERROR_MODEL_FILE, &error, "bad magic");
            memcpy(changed, good, size);
            changed[8] = 99;
            write_file(path, changed, size);
            status = lutnet_model_load(path, &loaded, &error);
            expect("load_model_future_version", status, LUTNET_ERROR_MODEL_FILE, &error, "version 99");
            memcpy(changed, good, size);
            changed[size / 2] ^= 0x10;
            write_file(path, changed, size);
            status = lutnet_model_load(path, &loaded, &error);
            expect("load_model_flipped_bit", status, LUTNET_ERROR_MODEL_FILE, &error, "CRC-32");
            free(changed);
        }
        expect_true("load_failure_clears_model", loaded == NULL, "out handle is NULL");
        status = lutnet_model_load(model_path, &loaded, &error);
        expect_true("load_model_good", status == LUTNET_OK && strcmp(lutnet_model_task(loaded), "0,1:2,3") == 0 &&
                    lutnet_model_input_count(loaded) == FEATURES, lutnet_model_task(loaded) ? lutnet_model_task(loaded) : error.message);
        lutnet_model_free(loaded);
        free(good);
    }

    lutnet_model_free(model);
    lutnet_dataset_free(data);
    printf("%d cases, %d failed\n", cases, failures);
    return failures == 0 ? 0 : 1;
}
