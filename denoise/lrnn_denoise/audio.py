"""The paper's front end: 512-point STFT, hop 128 (8 ms at 16 kHz), 257 magnitude bins.

Window: the periodic Hann window of 512 samples, used for analysis and synthesis.  The inverse
is the weighted overlap-add (each frame's inverse FFT times the window, summed, divided by the
sum of the squared shifted windows), which inverts the forward transform exactly wherever that
sum is non-zero, and it is non-zero at every sample of the signal because the signal is padded
by half a frame (256 zeros) on each side ("centred" frames, as torch.stft(center=True)).
Frame t therefore covers samples [128 t - 256, 128 t + 256) of the signal; a signal of L
samples gives 1 + L // 128 frames.

The model sees the magnitudes |X| (257 per frame) and returns a mask M of the same shape; the
denoised spectrum is |X| (1 + M) with the noisy phase, turned back into audio by the inverse.
"""

import wave

import numpy as np

SAMPLE_RATE = 16000
N_FFT = 512
HOP = 128
N_BINS = N_FFT // 2 + 1


def window() -> np.ndarray:
    """The periodic Hann window of N_FFT samples (float64)."""
    n = np.arange(N_FFT)
    return 0.5 - 0.5 * np.cos(2.0 * np.pi * n / N_FFT)


def n_frames(length: int) -> int:
    return 1 + length // HOP


def stft(x: np.ndarray) -> np.ndarray:
    """Complex STFT [frames, 257] of a 1-D signal."""
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 1 or x.size == 0:
        raise ValueError(f"stft: expected a non-empty 1-D signal, got shape {x.shape}")
    pad = N_FFT // 2
    xp = np.pad(x, (pad, pad))
    t = n_frames(x.size)
    idx = np.arange(t)[:, None] * HOP + np.arange(N_FFT)[None, :]
    return np.fft.rfft(xp[idx] * window(), axis=1)


def istft(spec: np.ndarray, length: int) -> np.ndarray:
    """The inverse of :func:`stft` (weighted overlap-add) for a signal of ``length`` samples."""
    spec = np.asarray(spec)
    if spec.ndim != 2 or spec.shape[1] != N_BINS:
        raise ValueError(f"istft: expected [frames, {N_BINS}], got shape {spec.shape}")
    if spec.shape[0] != n_frames(length):
        raise ValueError(f"istft: {spec.shape[0]} frames do not match {length} samples "
                         f"({n_frames(length)} frames)")
    w = window()
    frames = np.fft.irfft(spec, n=N_FFT, axis=1) * w
    pad = N_FFT // 2
    total = length + 2 * pad
    out = np.zeros(total + N_FFT)
    env = np.zeros(total + N_FFT)
    for t in range(spec.shape[0]):
        out[t * HOP:t * HOP + N_FFT] += frames[t]
        env[t * HOP:t * HOP + N_FFT] += w * w
    out, env = out[pad:pad + length], env[pad:pad + length]
    return out / np.maximum(env, 1e-12)


def features(noisy: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(magnitudes [frames, 257] float32, complex STFT) of a noisy signal."""
    spec = stft(noisy)
    return np.abs(spec).astype(np.float32), spec


def apply_mask(spec: np.ndarray, mask: np.ndarray, length: int) -> np.ndarray:
    """Denoised audio: magnitude |X| (1 + mask), phase of X."""
    mask = np.asarray(mask, dtype=np.float64)
    if mask.shape != spec.shape:
        raise ValueError(f"apply_mask: mask shape {mask.shape} differs from spectrum {spec.shape}")
    return istft(spec * (1.0 + mask), length)


def si_snr(estimate: np.ndarray, reference: np.ndarray, eps: float = 1e-12) -> float:
    """Scale-invariant SNR in dB (both signals made zero-mean first)."""
    s = np.asarray(reference, dtype=np.float64)
    e = np.asarray(estimate, dtype=np.float64)
    if s.shape != e.shape or s.ndim != 1:
        raise ValueError(f"si_snr: shapes {e.shape} and {s.shape} differ or are not 1-D")
    s = s - s.mean()
    e = e - e.mean()
    target = (np.dot(e, s) / (np.dot(s, s) + eps)) * s
    noise = e - target
    return float(10.0 * np.log10((np.dot(target, target) + eps) / (np.dot(noise, noise) + eps)))


def si_snri(estimate: np.ndarray, noisy: np.ndarray, reference: np.ndarray) -> float:
    """SI-SNR improvement of ``estimate`` over ``noisy`` (dB)."""
    return si_snr(estimate, reference) - si_snr(noisy, reference)


def read_wav(path: str) -> np.ndarray:
    """A mono 16-bit 16 kHz WAV file as float64 in [-1, 1)."""
    try:
        with wave.open(str(path), "rb") as w:
            if w.getnchannels() != 1 or w.getsampwidth() != 2 or w.getframerate() != SAMPLE_RATE:
                raise ValueError(f"{path}: expected mono 16-bit {SAMPLE_RATE} Hz WAV, got "
                                 f"{w.getnchannels()} channel(s), {8 * w.getsampwidth()} bit, "
                                 f"{w.getframerate()} Hz")
            data = w.readframes(w.getnframes())
    except (wave.Error, EOFError) as error:
        raise ValueError(f"{path}: not a WAV file ({error})") from None
    return np.frombuffer(data, dtype="<i2").astype(np.float64) / 32768.0


def to_int16(x: np.ndarray) -> np.ndarray:
    return np.clip(np.round(np.asarray(x) * 32768.0), -32768, 32767).astype("<i2")


def write_wav(path: str, x: np.ndarray) -> None:
    """Writes float audio in [-1, 1) as mono 16-bit 16 kHz WAV (clipping outside)."""
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(SAMPLE_RATE)
        w.writeframes(to_int16(x).tobytes())
