/* Baseline: the hand-written dense float32 step of an lrnn-s5/1 model on OpenBLAS cblas_sgemv.
 *
 * Parameters come from bench/baselines/openblas_baseline.py (already discretised in float64,
 * rounded to float32): DIR/manifest.txt ("key value" config lines, then
 * "tensor NAME ROWS COLS OFFSET" lines, OFFSET in floats) and DIR/params.bin (float32 LE).
 * Per layer the complex recurrence uses the stacked real matrices
 *   B = [Re B̄ ; Im B̄]  (2N x H)     and     C = [Re C̃ | -Im C̃]  (H x 2N)
 * so that B z gives (Re, Im) of B̄ z in one sgemv and κ·Re(C̃ x̂) = κ·C [Re x̂; Im x̂] in another.
 *
 *   openblas_step DIR check IN.bin T OUT.bin     run T steps from zero state (IN: T x d_in f32)
 *   openblas_step DIR bench STEPS REPS WARMUP    streaming timing; prints one
 *                                                "rep_us_per_step WALL CPU" line per repetition
 */
#include <cblas.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAXL 16

static int d_in, H, N, d_out, L, norm, norm_post, enc_act, act, state_act, glu, res_act;
static float kappa;
static float *blob;

typedef struct { float *bn_scale, *bn_shift, *lam_re, *lam_im, *B, *C, *D, *gw, *gb, *vw, *vb; } Layer;
static Layer lay[MAXL];
static float *enc_w, *enc_b, *dec_w, *dec_b;

/* state and scratch */
static float *xs[MAXL];              /* [2N]: Re x then Im x (the recurrent state) */
static float *h, *s, *z, *bz, *xh, *y, *gate, *val, *out;

static void die(const char *m, const char *a) { fprintf(stderr, "openblas_step: %s %s\n", m, a ? a : ""); exit(2); }

static struct { char name[64]; int rows, cols; long off; } tens[256];
static int ntens;

static float *get(const char *name, int rows, int cols, int required) {
  for (int i = 0; i < ntens; i++)
    if (!strcmp(tens[i].name, name)) {
      if (tens[i].rows != rows || tens[i].cols != cols) die("bad shape for", name);
      return blob + tens[i].off;
    }
  if (required) die("missing tensor", name);
  return NULL;
}

static void load(const char *dir) {
  char path[4096], key[64];
  snprintf(path, sizeof path, "%s/manifest.txt", dir);
  FILE *f = fopen(path, "r");
  if (!f) die("cannot open", path);
  long total = 0;
  while (fscanf(f, "%63s", key) == 1) {
    if (!strcmp(key, "tensor")) {
      if (fscanf(f, "%63s %d %d %ld", tens[ntens].name, &tens[ntens].rows, &tens[ntens].cols, &tens[ntens].off) != 4) die("bad manifest", "");
      long end = tens[ntens].off + (long)tens[ntens].rows * tens[ntens].cols;
      if (end > total) total = end;
      ntens++;
    } else {
      double v;
      if (fscanf(f, "%lf", &v) != 1) die("bad manifest value for", key);
#define K(n) else if (!strcmp(key, #n)) n = (int)v;
      if (0) {}
      K(d_in) K(H) K(N) K(d_out) K(L) K(norm) K(norm_post) K(enc_act) K(act) K(state_act) K(glu) K(res_act)
      else if (!strcmp(key, "kappa")) kappa = (float)v;
      else die("unknown key", key);
    }
  }
  fclose(f);
  if (L > MAXL) die("too many layers", "");
  snprintf(path, sizeof path, "%s/params.bin", dir);
  f = fopen(path, "rb");
  if (!f) die("cannot open", path);
  blob = aligned_alloc(64, ((total * 4 + 63) / 64) * 64);
  if (fread(blob, 4, total, f) != (size_t)total) die("short read", path);
  fclose(f);
  enc_w = get("enc_w", H, d_in, 1); enc_b = get("enc_b", 1, H, 1);
  dec_w = get("dec_w", d_out, H, 1); dec_b = get("dec_b", 1, d_out, 1);
  for (int i = 0; i < L; i++) {
    char n[64]; Layer *l = &lay[i];
#define G(field, nm, r, c, req) snprintf(n, sizeof n, "l%d.%s", i, nm); l->field = get(n, r, c, req);
    G(bn_scale, "bn_scale", 1, H, norm) G(bn_shift, "bn_shift", 1, H, norm)
    G(lam_re, "lam_re", 1, N, 1) G(lam_im, "lam_im", 1, N, 1)
    G(B, "B", 2 * N, H, 1) G(C, "C", H, 2 * N, 1) G(D, "D", 1, H, 1)
    G(gw, "glu_w", H, H, glu >= 1) G(gb, "glu_b", 1, H, glu >= 1)
    G(vw, "glu_vw", H, H, glu == 2) G(vb, "glu_vb", 1, H, glu == 2)
    xs[i] = calloc(2 * N, sizeof(float));
  }
  h = calloc(H, 4); s = calloc(H, 4); z = calloc(H, 4); bz = calloc(2 * N, 4); xh = calloc(2 * N, 4);
  y = calloc(H, 4); gate = calloc(H, 4); val = calloc(H, 4); out = calloc(d_out, 4);
}

static inline float activation(float v) {
  switch (act) {
    case 0: return v > 0.f ? v : 0.f;
    case 1: return 0.5f * v * (1.f + tanhf(0.7978845608028654f * (v + 0.044715f * v * v * v)));
    default: return 0.5f * v * (1.f + erff(v * 0.7071067811865476f));
  }
}
static inline float sigmoidf(float v) { return 1.f / (1.f + expf(-v)); }

/* One time step: u [d_in] -> out [d_out]. */
static void step(const float *u) {
  memcpy(h, enc_b, H * 4);
  cblas_sgemv(CblasRowMajor, CblasNoTrans, H, d_in, 1.f, enc_w, d_in, u, 1, 1.f, h, 1);
  if (enc_act) for (int j = 0; j < H; j++) h[j] = h[j] > 0.f ? h[j] : 0.f;
  for (int i = 0; i < L; i++) {
    Layer *l = &lay[i];
    memcpy(s, h, H * 4);
    if (norm && !norm_post) for (int j = 0; j < H; j++) z[j] = h[j] * l->bn_scale[j] + l->bn_shift[j];
    else memcpy(z, h, H * 4);
    /* x_t = Λ̄ x_{t-1} + B̄ z */
    cblas_sgemv(CblasRowMajor, CblasNoTrans, 2 * N, H, 1.f, l->B, H, z, 1, 0.f, bz, 1);
    float *xr = xs[i], *xi = xs[i] + N;
    for (int n = 0; n < N; n++) {
      float ar = l->lam_re[n], ai = l->lam_im[n], r = xr[n], im = xi[n];
      xr[n] = ar * r - ai * im + bz[n];
      xi[n] = ar * im + ai * r + bz[N + n];
    }
    if (state_act)
      for (int n = 0; n < N; n++) {
        int keep = xr[n] > 0.f || (xr[n] == 0.f && xi[n] > 0.f);
        xh[n] = keep ? xr[n] : 0.f; xh[N + n] = keep ? xi[n] : 0.f;
      }
    else memcpy(xh, xr, 2 * N * 4);
    /* y = κ Re(C̃ x̂) + D z */
    for (int j = 0; j < H; j++) y[j] = l->D[j] * z[j];
    cblas_sgemv(CblasRowMajor, CblasNoTrans, H, 2 * N, kappa, l->C, 2 * N, xh, 1, 1.f, y, 1);
    for (int j = 0; j < H; j++) y[j] = activation(y[j]);
    if (glu >= 1) {
      memcpy(gate, l->gb, H * 4);
      cblas_sgemv(CblasRowMajor, CblasNoTrans, H, H, 1.f, l->gw, H, y, 1, 1.f, gate, 1);
      if (glu == 2) {
        memcpy(val, l->vb, H * 4);
        cblas_sgemv(CblasRowMajor, CblasNoTrans, H, H, 1.f, l->vw, H, y, 1, 1.f, val, 1);
        for (int j = 0; j < H; j++) h[j] = val[j] * sigmoidf(gate[j]) + s[j];
      } else {
        for (int j = 0; j < H; j++) h[j] = y[j] * sigmoidf(gate[j]) + s[j];
      }
    } else {
      for (int j = 0; j < H; j++) h[j] = y[j] + s[j];
    }
    if (norm && norm_post) for (int j = 0; j < H; j++) h[j] = h[j] * l->bn_scale[j] + l->bn_shift[j];
    if (res_act) for (int j = 0; j < H; j++) h[j] = h[j] > 0.f ? h[j] : 0.f;
  }
  memcpy(out, dec_b, d_out * 4);
  cblas_sgemv(CblasRowMajor, CblasNoTrans, d_out, H, 1.f, dec_w, H, h, 1, 1.f, out, 1);
}

static double now(clockid_t c) {
  struct timespec t; clock_gettime(c, &t);
  return t.tv_sec + 1e-9 * t.tv_nsec;
}

int main(int argc, char **argv) {
  if (argc < 3) die("usage: openblas_step DIR check IN T OUT | DIR bench STEPS REPS WARMUP", "");
  load(argv[1]);
  if (!strcmp(argv[2], "check") && argc == 6) {
    long T = atol(argv[4]);
    float *u = malloc(T * d_in * 4), *o = malloc(T * d_out * 4);
    FILE *f = fopen(argv[3], "rb");
    if (!f || fread(u, 4, T * d_in, f) != (size_t)(T * d_in)) die("cannot read", argv[3]);
    fclose(f);
    for (long t = 0; t < T; t++) { step(u + t * d_in); memcpy(o + t * d_out, out, d_out * 4); }
    f = fopen(argv[5], "wb");
    if (!f || fwrite(o, 4, T * d_out, f) != (size_t)(T * d_out)) die("cannot write", argv[5]);
    fclose(f);
    return 0;
  }
  if (!strcmp(argv[2], "bench") && argc == 6) {
    long steps = atol(argv[3]); int reps = atoi(argv[4]), warm = atoi(argv[5]);
    float *u = malloc(steps * d_in * 4);
    unsigned x = 12345u;
    for (long i = 0; i < steps * d_in; i++) { x = x * 1664525u + 1013904223u; u[i] = ((x >> 8) * (1.f / 16777216.f)) * 2.f - 1.f; }
    double sink = 0;
    for (int r = -warm; r < reps; r++) {
      double t0 = now(CLOCK_MONOTONIC), c0 = now(CLOCK_PROCESS_CPUTIME_ID);
      for (long t = 0; t < steps; t++) { step(u + t * d_in); sink += out[t % d_out]; }
      double us = (now(CLOCK_MONOTONIC) - t0) * 1e6 / steps, cpu = (now(CLOCK_PROCESS_CPUTIME_ID) - c0) * 1e6 / steps;
      if (r >= 0) printf("rep_us_per_step %.4f %.4f\n", us, cpu);
    }
    printf("sink %g\n", sink);
    return 0;
  }
  die("bad arguments", "");
}
