// Trains a small LUT network through LUTNet's C API, reports its accuracy, saves it, loads it
// back and checks that the loaded model answers exactly like the trained one.
//
// Usage: train_and_check [DATASET_FOLDER [MODEL_FILE [LAYERS [THREADS [TASK]]]]]
//   DATASET_FOLDER  MNIST-layout folder (default: Fashion-MNIST from dataset-fashion-mnist)
//   MODEL_FILE      where to save the model (default: train_and_check.lut)
//   LAYERS          hidden layers, e.g. 2x256 (the default) or 512,128
//   THREADS         worker threads, 0 (the default) for one per core
//   TASK            the task, e.g. 0-4:5-9 (the default) or all (a multi-class model)
// Exits with status 0 when every step succeeds, 1 otherwise.
#include <lutnet.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Prints what failed and why.
static void report(const char *step, const lutnet_error *error) {
    fprintf(stderr, "train_and_check: %s failed with %s: %s\n", step, lutnet_status_name(error->status),
            error->message);
}

int main(int argc, char **argv) {
    const char *folder = argc > 1 ? argv[1] : "/usr/share/datasets/fashion-mnist";
    const char *model_path = argc > 2 ? argv[2] : "train_and_check.lut";
    const char *layers = argc > 3 ? argv[3] : "2x256";
    const int32_t threads = argc > 4 ? (int32_t)atoi(argv[4]) : 0;
    const char *task = argc > 5 ? argv[5] : "0-4:5-9";

    int status = 1;
    lutnet_error error;
    lutnet_dataset *data = NULL;
    lutnet_model *model = NULL;
    lutnet_model *loaded = NULL;
    uint8_t *trained_answers = NULL;
    uint8_t *loaded_answers = NULL;

    if (strcmp(lutnet_version(), LUTNET_VERSION) != 0) {
        fprintf(stderr, "train_and_check: library %s does not match header %s\n", lutnet_version(), LUTNET_VERSION);
        return 1;
    }
    printf("liblutnetc %s\n", lutnet_version());

    lutnet_parameters parameters;
    lutnet_default_parameters(&parameters);
    parameters.layers = layers;
    parameters.seed = 1;
    parameters.threads = threads;
    const char *problem = lutnet_check_parameters(&parameters);
    if (problem != NULL) {
        fprintf(stderr, "train_and_check: bad parameters: %s\n", problem);
        return 1;
    }

    if (lutnet_dataset_load(folder, &data, &error) != LUTNET_OK) {
        report("loading the dataset", &error);
        goto done;
    }
    const size_t test_count = lutnet_dataset_count(data, LUTNET_SPLIT_TEST);
    printf("dataset %s: %zu training and %zu test examples of %zu bytes\n", folder,
           lutnet_dataset_count(data, LUTNET_SPLIT_TRAIN), test_count, lutnet_dataset_features(data));

    if (lutnet_train(data, task, &parameters, &model, &error) != LUTNET_OK) {
        report("training", &error);
        goto done;
    }
    printf("trained k=%d, layers %s, task %s, seed %llu\n", (int)parameters.k, layers, lutnet_model_task(model),
           (unsigned long long)parameters.seed);

    double accuracy = 0;
    if (lutnet_accuracy(model, data, LUTNET_SPLIT_TRAIN, NULL, &accuracy, &error) != LUTNET_OK) {
        report("measuring training accuracy", &error);
        goto done;
    }
    printf("train accuracy %.6f\n", accuracy);
    if (test_count > 0) {
        if (lutnet_accuracy(model, data, LUTNET_SPLIT_TEST, NULL, &accuracy, &error) != LUTNET_OK) {
            report("measuring test accuracy", &error);
            goto done;
        }
        printf("test accuracy %.6f\n", accuracy);
    }

    if (lutnet_model_save(model, model_path, &error) != LUTNET_OK) {
        report("saving the model", &error);
        goto done;
    }
    if (lutnet_model_load(model_path, &loaded, &error) != LUTNET_OK) {
        report("loading the saved model", &error);
        goto done;
    }
    printf("saved and reloaded %s\n", model_path);
    if (strcmp(lutnet_model_task(loaded), lutnet_model_task(model)) != 0 ||
        lutnet_model_input_count(loaded) != lutnet_model_input_count(model)) {
        fprintf(stderr, "train_and_check: the reloaded model has another task or input size\n");
        goto done;
    }

    // Every example of the test split (the training split when there is none), whatever its class.
    const lutnet_split split = test_count > 0 ? LUTNET_SPLIT_TEST : LUTNET_SPLIT_TRAIN;
    const size_t count = lutnet_dataset_count(data, split);
    trained_answers = malloc(count);
    loaded_answers = malloc(count);
    if (trained_answers == NULL || loaded_answers == NULL) {
        fprintf(stderr, "train_and_check: out of memory\n");
        goto done;
    }
    if (lutnet_predict_dataset(model, data, split, trained_answers, count, &error) != LUTNET_OK ||
        lutnet_predict_dataset(loaded, data, split, loaded_answers, count, &error) != LUTNET_OK) {
        report("predicting", &error);
        goto done;
    }
    size_t ones = 0;
    for (size_t i = 0; i < count; i++) {
        if (trained_answers[i] != loaded_answers[i]) {
            fprintf(stderr, "train_and_check: example %zu: trained model says %u, reloaded model %u\n", i,
                    (unsigned)trained_answers[i], (unsigned)loaded_answers[i]);
            goto done;
        }
        ones += trained_answers[i] == 1;
    }
    printf("identical predictions on %zu %s examples (%zu answered 1)\n", count,
           split == LUTNET_SPLIT_TEST ? "test" : "training", ones);
    status = 0;

done:
    free(trained_answers);
    free(loaded_answers);
    lutnet_model_free(loaded);
    lutnet_model_free(model);
    lutnet_dataset_free(data);
    return status;
}
