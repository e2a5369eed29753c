"""Streaming speech denoising with sparse linear RNNs (lrnn issue 9).

Modules:
  audio  -- STFT/iSTFT front end, mask application, SI-SNR, WAV input/output
  data   -- the deterministic noisy-speech generator (espeak-ng speech, synthetic noise)
  models -- bundled example models and data, and running them on every lrnn backend
"""
