/* The two floors of a step on this machine: streaming `bytes` of weights
 * from cache (read bandwidth over a buffer of the model's size) and peak
 * fused multiply-add rate (independent vector FMA chains). Prints JSON. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

int main(int argc, char **argv) {
  long bytes = argc > 1 ? atol(argv[1]) : 1 << 20;
  long n = bytes / 4 < 1024 ? 1024 : bytes / 4;
  float *buf = aligned_alloc(64, n * 4 + 64);
  for (long i = 0; i < n; ++i)
    buf[i] = (float)(i % 7);
  float s[16] = {0};
  long passes = 200000000L / n + 1;
  double t0 = now();
  for (long p = 0; p < passes; ++p)
    for (long i = 0; i < n; i += 16)
      for (int j = 0; j < 16; ++j)
        s[j] += buf[i + j];
  double bw = (double)n * 4 * passes / (now() - t0);
  /* 8 independent chains of 16-lane FMAs. */
  float a[8][16], x[16], y[16];
  for (int j = 0; j < 16; ++j) {
    x[j] = 1.0f + j * 1e-7f;
    y[j] = 1e-7f;
    for (int c = 0; c < 8; ++c)
      a[c][j] = (float)c;
  }
  long iters = 20000000;
  t0 = now();
  for (long it = 0; it < iters; ++it)
    for (int c = 0; c < 8; ++c)
      for (int j = 0; j < 16; ++j)
        a[c][j] = a[c][j] * x[j] + y[j];
  double flops = (double)iters * 8 * 16 / (now() - t0);
  float sum = 0;
  for (int j = 0; j < 16; ++j) {
    sum += s[j];
    for (int c = 0; c < 8; ++c)
      sum += a[c][j];
  }
  printf("{\"read_bytes_per_s\": %.4g, \"fma_per_s\": %.4g, \"sink\": %g}\n", bw, flops, sum);
  return 0;
}
