/* Times one model compiled by `lrnnc --target=cpu --name model`: batch 1
 * streaming steps (per-step latency, median over repetitions, wall and CPU
 * time) and NAME_step_batch throughput for several stream counts. Prints
 * one JSON object. Not part of the test suite. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model.h"

static double now(clockid_t clock) {
  struct timespec ts;
  clock_gettime(clock, &ts);
  return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static double median(double *v, int n) {
  qsort(v, n, sizeof(double), cmp);
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

int main(int argc, char **argv) {
  int steps = argc > 1 ? atoi(argv[1]) : 1000;
  int reps = argc > 2 ? atoi(argv[2]) : 11;
  const int din = model_INPUT_SIZE, dout = model_OUTPUT_SIZE;
  /* Non-negative inputs like STFT magnitudes, varying per step. */
  float *in = malloc(sizeof(float) * din * (size_t)steps);
  float *out = malloc(sizeof(float) * dout);
  uint32_t seed = 12345;
  for (long i = 0; i < (long)din * steps; ++i) {
    seed = seed * 1664525u + 1013904223u;
    in[i] = (float)(seed >> 8) / 16777216.0f * 2.0f;
  }
  void *state = aligned_alloc(64, model_state_bytes + 64);
  double wall[64], cpu[64];
  model_reset(state);
  for (int t = 0; t < steps; ++t) /* warm-up */
    model_step(state, in + (long)t * din, out);
  for (int r = 0; r < reps; ++r) {
    model_reset(state);
    double w0 = now(CLOCK_MONOTONIC), c0 = now(CLOCK_PROCESS_CPUTIME_ID);
    for (int t = 0; t < steps; ++t)
      model_step(state, in + (long)t * din, out);
    wall[r] = (now(CLOCK_MONOTONIC) - w0) / steps * 1e6;
    cpu[r] = (now(CLOCK_PROCESS_CPUTIME_ID) - c0) / steps * 1e6;
  }
  printf("{\"us_per_step_median\": %.3f, \"us_per_step_cpu_median\": %.3f",
         median(wall, reps), median(cpu, reps));
  /* Throughput: n streams stepped by one NAME_step_batch call per step. */
  int streams[] = {1, 8, 64};
  for (int s = 0; s < 3; ++s) {
    int n = streams[s];
    int bsteps = steps / n > 50 ? steps / n : 50;
    char *states = aligned_alloc(64, (size_t)model_state_bytes * n + 64);
    float *bin = malloc(sizeof(float) * din * (size_t)n);
    float *bout = malloc(sizeof(float) * dout * (size_t)n);
    for (int i = 0; i < n; ++i) {
      model_reset(states + (size_t)i * model_state_bytes);
      memcpy(bin + (size_t)i * din, in + (size_t)(i % steps) * din, sizeof(float) * din);
    }
    double cpus[64];
    for (int r = 0; r < reps; ++r) {
      double c0 = now(CLOCK_PROCESS_CPUTIME_ID);
      for (int t = 0; t < bsteps; ++t)
        model_step_batch(states, bin, bout, (size_t)n);
      cpus[r] = (now(CLOCK_PROCESS_CPUTIME_ID) - c0) / ((double)bsteps * n) * 1e6;
    }
    printf(", \"batch%d_us_per_stream_step_cpu\": %.3f", n, median(cpus, reps));
    free(states);
    free(bin);
    free(bout);
  }
  printf(", \"checksum\": %g}\n", (double)out[0]);
  return 0;
}
