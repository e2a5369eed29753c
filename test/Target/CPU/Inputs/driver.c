/* A plain C program over the interface of lrnnc --target=cpu.
 *
 *   cc -DMODEL=NAME -I DIR driver.c NAME.o -lm -pthread
 *   driver IN.raw OUT.raw
 *
 * DIR holds model.h, the header lrnnc --header wrote for model NAME.
 * IN.raw is T rows of NAME_INPUT_SIZE float32 values. The driver runs the
 * sequence from the zero state
 *   - on one stream (a malloc'ed state, NAME_reset, NAME_step),
 *   - on 3 streams of NAME_step_batch fed the same input, checking every
 *     stream's output equals the single stream's bit for bit,
 *   - on a static state sized by NAME_STATE_BYTES, checked the same way,
 *   - on 2 threads at once, each with its own state, checked the same way,
 * and writes the single stream's T rows of NAME_OUTPUT_SIZE float32 values
 * to OUT.raw. Exit status 1 with a message on any mismatch or error.
 */
#include "model.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CAT2(a, b) a##b
#define CAT(a, b) CAT2(a, b)
#define SYM(suffix) CAT(MODEL, suffix)

#define D_IN SYM(_INPUT_SIZE)
#define D_OUT SYM(_OUTPUT_SIZE)

static float *inputs, *reference;
static size_t steps;

static void die(const char *message) {
  fprintf(stderr, "driver: %s\n", message);
  exit(1);
}

static void *xmalloc(size_t bytes) {
  void *p = malloc(bytes ? bytes : 1);
  if (!p)
    die("out of memory");
  return p;
}

/* Runs the whole sequence on `state` from the zero state into `out`. */
static void run_stream(void *state, float *out) {
  SYM(_reset)(state);
  for (size_t t = 0; t < steps; ++t)
    SYM(_step)(state, inputs + t * D_IN, out + t * D_OUT);
}

static void check_same(const float *out, const char *what) {
  if (memcmp(out, reference, steps * D_OUT * sizeof(float)) != 0) {
    fprintf(stderr, "driver: %s differs from the single stream\n", what);
    exit(1);
  }
}

static void *thread_main(void *arg) {
  float *out = arg;
  void *state = xmalloc((size_t)SYM(_state_bytes));
  run_stream(state, out);
  free(state);
  return NULL;
}

/* A state in static storage, as NAME_STATE_BYTES allows. */
static float static_state[SYM(_STATE_BYTES) / sizeof(float) + 1];

int main(int argc, char **argv) {
  if (argc != 3)
    die("usage: driver IN.raw OUT.raw");
  if (SYM(_input_size) != D_IN || SYM(_output_size) != D_OUT ||
      SYM(_state_bytes) != SYM(_STATE_BYTES))
    die("the object's size constants disagree with the header's macros");

  FILE *in = fopen(argv[1], "rb");
  if (!in)
    die("cannot open the input");
  fseek(in, 0, SEEK_END);
  long bytes = ftell(in);
  fseek(in, 0, SEEK_SET);
  if (bytes < 0 || bytes % (long)(D_IN * sizeof(float)))
    die("the input is not a whole number of rows");
  steps = (size_t)bytes / (D_IN * sizeof(float));
  inputs = xmalloc((size_t)bytes);
  if (fread(inputs, 1, (size_t)bytes, in) != (size_t)bytes)
    die("cannot read the input");
  fclose(in);

  /* One stream, heap state. */
  reference = xmalloc(steps * D_OUT * sizeof(float));
  void *state = xmalloc((size_t)SYM(_state_bytes));
  run_stream(state, reference);
  free(state);

  /* Three streams at once on the same input. */
  enum { STREAMS = 3 };
  size_t stateBytes = (size_t)SYM(_state_bytes);
  char *states = xmalloc(STREAMS * stateBytes);
  float *batchIn = xmalloc(STREAMS * D_IN * sizeof(float));
  float *batchOut = xmalloc(STREAMS * D_OUT * sizeof(float));
  float *streamOut[STREAMS];
  for (int k = 0; k < STREAMS; ++k) {
    SYM(_reset)(states + k * stateBytes);
    streamOut[k] = xmalloc(steps * D_OUT * sizeof(float));
  }
  for (size_t t = 0; t < steps; ++t) {
    for (int k = 0; k < STREAMS; ++k)
      memcpy(batchIn + k * D_IN, inputs + t * D_IN, D_IN * sizeof(float));
    SYM(_step_batch)(states, batchIn, batchOut, STREAMS);
    for (int k = 0; k < STREAMS; ++k)
      memcpy(streamOut[k] + t * D_OUT, batchOut + k * D_OUT,
             D_OUT * sizeof(float));
  }
  for (int k = 0; k < STREAMS; ++k)
    check_same(streamOut[k], "a stream of NAME_step_batch");

  /* A static state. */
  float *staticOut = xmalloc(steps * D_OUT * sizeof(float));
  run_stream(static_state, staticOut);
  check_same(staticOut, "the run on a static state");

  /* Two threads, separate states. */
  enum { THREADS = 2 };
  pthread_t threads[THREADS];
  float *threadOut[THREADS];
  for (int i = 0; i < THREADS; ++i) {
    threadOut[i] = xmalloc(steps * D_OUT * sizeof(float));
    if (pthread_create(&threads[i], NULL, thread_main, threadOut[i]))
      die("cannot start a thread");
  }
  for (int i = 0; i < THREADS; ++i) {
    pthread_join(threads[i], NULL);
    check_same(threadOut[i], "a thread's run");
  }

  FILE *out = fopen(argv[2], "wb");
  if (!out || fwrite(reference, sizeof(float), steps * D_OUT, out) !=
                  steps * D_OUT ||
      fclose(out))
    die("cannot write the output");
  printf("driver: %zu steps of %d -> %d, %d batch streams, a static state "
         "and %d threads identical to one stream\n",
         steps, (int)D_IN, (int)D_OUT, STREAMS, THREADS);
  return 0;
}
