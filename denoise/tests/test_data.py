"""The generator: determinism, disjoint splits, noise types, mixing (no espeak-ng needed:
speech is replaced by a deterministic stand-in; the last test regenerates a committed clip
with espeak-ng and skips when it is not installed)."""

import os

import numpy as np
import pytest

from lrnn_denoise import audio, data, pipeline


def fake_synthesize(text, voice, variant, speed, pitch):
    """A deterministic stand-in for espeak-ng: a harmonic signal that depends on the args."""
    seed = sum(map(ord, text + voice + variant)) + speed * 7 + pitch
    rng = np.random.default_rng(seed)
    n = int(len(text) * 1000 * 160 / speed)
    t = np.arange(n) / audio.SAMPLE_RATE
    f0 = 80 + pitch * 2
    x = sum(np.sin(2 * np.pi * f0 * h * t + rng.uniform(0, 6)) / h for h in range(1, 6))
    return 0.1 * x * (0.5 + 0.5 * np.sin(2 * np.pi * 3 * t))


@pytest.fixture
def tiny(monkeypatch):
    monkeypatch.setattr(data, "synthesize", fake_synthesize)
    return data.split_pools(n_test=5, n_validation=4)


def test_splits_are_disjoint_and_deterministic():
    a, b = data.split_pools(), data.split_pools()
    assert a == b
    assert len(set(data.sentences())) == len(data.sentences())      # no duplicates
    for x, y in (("train", "test"), ("train", "validation"), ("validation", "test")):
        assert not set(a[x]) & set(a[y])
    assert sum(len(v) for v in a.values()) == len(data.sentences())
    with pytest.raises(ValueError):
        data.split_pools(n_test=0)


def test_clips_are_deterministic_and_use_their_own_split(tiny):
    c1, x1, i1 = data.clip("test", 3, tiny, seconds=1.0, seed=5)
    c2, x2, i2 = data.clip("test", 3, tiny, seconds=1.0, seed=5)
    assert np.array_equal(c1, c2) and np.array_equal(x1, x2) and i1 == i2
    c3, x3, _ = data.clip("test", 4, tiny, seconds=1.0, seed=5)
    assert not np.array_equal(x1, x3)
    assert x1.size == audio.SAMPLE_RATE
    cleans, noisys, infos = data.generate("validation", 6, tiny, seconds=0.5, seed=1)
    assert cleans.dtype == np.int16 and cleans.shape == (6, 8000)
    for info in infos:
        assert info["sentence"] in tiny["validation"]
        assert data.SNR_RANGE[0] <= info["snr_db"] <= data.SNR_RANGE[1]
    with pytest.raises(ValueError, match="unknown split"):
        data.clip("dev", 0, tiny)


def test_every_noise_type_is_deterministic(tiny):
    for kind in data.NOISE_TYPES:
        a = data.noise(kind, np.random.default_rng(9), 4000, pool=tiny["train"])
        b = data.noise(kind, np.random.default_rng(9), 4000, pool=tiny["train"])
        assert np.array_equal(a, b) and a.shape == (4000,) and np.std(a) > 0, kind
    with pytest.raises(ValueError, match="unknown noise type"):
        data.noise("rain", np.random.default_rng(0), 10)


def test_pink_and_brown_noise_slopes():
    rng = np.random.default_rng(0)
    f = np.fft.rfftfreq(1 << 16, 1 / 16000)
    band = lambda p, lo, hi: p[(f >= lo) & (f < hi)].mean()
    for kind, slope in (("white", 0), ("pink", 1), ("brown", 2)):
        p = np.abs(np.fft.rfft(data.noise(kind, rng, 1 << 16))) ** 2
        ratio = 10 * np.log10(band(p, 200, 400) / band(p, 3200, 6400))
        assert ratio == pytest.approx(10 * slope * np.log10(16), abs=2.0), kind


def test_mix_reaches_the_snr_and_level():
    rng = np.random.default_rng(3)
    s, n = rng.standard_normal(16000) * 0.1, rng.standard_normal(16000)
    clean, noisy = data.mix(s, n, 7.5, -25.0)
    noise = noisy - clean
    assert 10 * np.log10(np.mean(clean ** 2) / np.mean(noise ** 2)) == pytest.approx(7.5)
    assert 20 * np.log10(np.sqrt(np.mean(noisy ** 2))) == pytest.approx(-25.0)


def test_resample_keeps_a_tone():
    t = np.arange(22050) / 22050
    y = data.resample(np.sin(2 * np.pi * 440 * t), 22050)
    assert y.size == 16000
    np.testing.assert_allclose(y, np.sin(2 * np.pi * 440 * np.arange(16000) / 16000), atol=1e-9)


def test_bundled_clips_match_their_manifest():
    clips, calib = pipeline.load_bundle()
    assert len(clips) == 6 and len(calib) == 2
    for c in clips:
        assert c.noisy.size == 48000 and c.mag.shape == (376, 257)
        # the mixing SNR, up to 16-bit rounding
        assert audio.si_snr(c.noisy, c.clean) == pytest.approx(c.info["snr_db"], abs=0.3)
    total = sum(os.path.getsize(os.path.join(pipeline.BUNDLE, f))
                for f in os.listdir(pipeline.BUNDLE))
    assert total < 2_000_000


@pytest.mark.skipif(not data.espeak_available(), reason="espeak-ng not installed")
def test_generator_reproduces_a_committed_clip():
    clean, noisy, _ = data.clip("test", 2, data.split_pools(), 3.0, 0)
    clips, _ = pipeline.load_bundle()
    assert np.array_equal(audio.to_int16(noisy), audio.to_int16(clips[2].noisy))
    assert np.array_equal(audio.to_int16(clean), audio.to_int16(clips[2].clean))
