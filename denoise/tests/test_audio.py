"""Front end: STFT round trip, mask application, SI-SNR on known cases, WAV input/output."""

import numpy as np
import pytest

from lrnn_denoise import audio


def test_window_is_periodic_hann_with_constant_overlap():
    w = audio.window()
    assert w.shape == (512,) and w[0] == 0.0 and w[256] == pytest.approx(1.0)
    # 75% overlap: the squared windows of all frames sum to 1.5 away from the edges
    env = sum(np.roll(w * w, k * audio.HOP) for k in range(4))
    np.testing.assert_allclose(env, 1.5, atol=1e-12)


@pytest.mark.parametrize("length", [128, 1000, 16000, 48000, 48001])
def test_stft_istft_round_trip(length):
    x = np.random.default_rng(length).standard_normal(length)
    spec = audio.stft(x)
    assert spec.shape == (1 + length // 128, 257)
    np.testing.assert_allclose(audio.istft(spec, length), x, atol=1e-12)


def test_stft_of_a_bin_centred_tone():
    t = np.arange(16000) / 16000
    x = np.cos(2 * np.pi * 1000 * t)          # bin 1000 / 31.25 = 32
    mag = np.abs(audio.stft(x))
    assert np.all(mag[5:-5].argmax(axis=1) == 32)
    np.testing.assert_allclose(mag[5:-5, 32], 128.0, rtol=1e-9)   # sum(w) / 2


def test_stft_rejects_bad_input():
    with pytest.raises(ValueError, match="1-D"):
        audio.stft(np.zeros((2, 100)))
    with pytest.raises(ValueError, match="frames"):
        audio.istft(np.zeros((3, 257)), 1000)
    with pytest.raises(ValueError, match="257"):
        audio.istft(np.zeros((3, 256)), 256)


def test_mask_application():
    x = np.random.default_rng(1).standard_normal(8000) * 0.1
    mag, spec = audio.features(x)
    assert mag.dtype == np.float32 and mag.shape == spec.shape
    zero = np.zeros(spec.shape)
    np.testing.assert_allclose(audio.apply_mask(spec, zero, x.size), x, atol=1e-12)
    np.testing.assert_allclose(audio.apply_mask(spec, zero - 1, x.size), 0, atol=1e-15)
    np.testing.assert_allclose(audio.apply_mask(spec, zero + 0.5, x.size), 1.5 * x, atol=1e-12)
    # a mask that silences the upper half of the bins low-passes the signal
    m = zero.copy()
    m[:, 129:] = -1
    y = audio.apply_mask(spec, m, x.size)
    high = np.abs(np.fft.rfft(y))[len(y) // 4 + 200:]
    assert high.max() < 1e-2 * np.abs(np.fft.rfft(x)).max()      # -40 dB
    with pytest.raises(ValueError, match="mask shape"):
        audio.apply_mask(spec, zero[:-1], x.size)


def test_si_snr_known_case():
    # s and n orthogonal (whole periods of sine and cosine), both zero-mean:
    # SI-SNR(a s + n, s) = 10 log10(a^2 |s|^2 / |n|^2) = 10 log10(4 / 0.25) for a = 2, |n| = |s| / 2
    t = np.arange(16000) / 16000
    s = np.sin(2 * np.pi * 100 * t)
    n = 0.5 * np.cos(2 * np.pi * 100 * t)
    expected = 10 * np.log10(4 / 0.25)
    assert audio.si_snr(2 * s + n, s) == pytest.approx(expected, abs=1e-9)
    # scale invariance, offset invariance
    assert audio.si_snr(-7 * (2 * s + n) + 3.0, s) == pytest.approx(expected, abs=1e-9)
    assert audio.si_snr(s, s) > 100
    # improvement: estimate with |n| / 4 against a noisy input with |n|
    noisy, est = s + 2 * n, s + 0.5 * n          # 0 dB and 10 log10(16) dB
    assert audio.si_snr(noisy, s) == pytest.approx(0.0, abs=1e-9)
    assert audio.si_snri(est, noisy, s) == pytest.approx(10 * np.log10(16), abs=1e-9)
    with pytest.raises(ValueError):
        audio.si_snr(s[:-1], s)


def test_wav_round_trip(tmp_path):
    x = np.random.default_rng(2).uniform(-0.9, 0.9, 1234)
    p = tmp_path / "x.wav"
    audio.write_wav(p, x)
    y = audio.read_wav(p)
    np.testing.assert_allclose(y, x, atol=1 / 32768)
    bad = tmp_path / "bad.wav"
    bad.write_bytes(b"not a wav file at all")
    with pytest.raises(ValueError, match="not a WAV"):
        audio.read_wav(bad)
