"""A deterministic noisy-speech generator at 16 kHz (no downloads).

Speech comes from Debian's ``espeak-ng`` (English voices with variants, several speeds and
pitches) reading sentences from a list built here; noise is synthesised: white, pink, brown,
babble (other sentences of the same split read by other voices), tonal hum with harmonics, and
bursts (decaying clicks and bangs over a faint floor).  Each clip mixes one speech utterance with
one noise at an SNR drawn uniformly from [-5, 20] dB, then scales clean and noisy together to a
level between -30 and -20 dBFS.

Splits share no sentences: the sentence list is shuffled once (fixed seed) and cut into disjoint
test, validation and training pools; a clip's speech and its babble both come from its own
split's pool.  Clip ``i`` of split ``s`` with seed ``seed`` depends only on (seed, s, i) and the
sentence pools, so any clip can be regenerated alone, and the same arguments give byte-identical
files.  espeak-ng is needed only to generate data; everything else here works without it.
"""

import itertools
import shutil
import subprocess
import wave
import io

import numpy as np

from . import audio

SPLITS = ("train", "validation", "test")
SNR_RANGE = (-5.0, 20.0)
LEVEL_RANGE_DB = (-30.0, -20.0)
NOISE_TYPES = ("white", "pink", "brown", "babble", "hum", "bursts")

VOICES = ("en-us", "en-gb", "en-gb-scotland", "en-gb-x-rp", "en-029", "en-gb-x-gbclan")
VARIANTS = ("m1", "m2", "m3", "m4", "m5", "m7", "f1", "f2", "f3", "f4", "f5",
            "adam", "linda", "steph", "john", "max", "paul", "belinda", "david", "annie")
SPEEDS = (125, 145, 160, 175, 195)       # words per minute
PITCHES = (25, 40, 50, 60, 75)           # espeak-ng 0..99

# Hand-written sentences (phonetically varied, everyday English).
HANDWRITTEN = """\
The quick brown fox jumps over the lazy dog.
Please call Stella and ask her to bring these things with her from the store.
She sells sea shells by the sea shore every summer morning.
A large size in stockings is hard to sell.
The birch canoe slid on the smooth planks.
Glue the sheet to the dark blue background.
It is easy to tell the depth of a well.
These days a chicken leg is a rare dish.
Rice is often served in round bowls.
The juice of lemons makes fine punch.
The box was thrown beside the parked truck.
The hogs were fed chopped corn and garbage.
Four hours of steady work faced us.
A pot of tea helps to pass the evening.
Smoky fires lack flame and heat.
The soft cushion broke the man's fall.
The salt breeze came across from the sea.
The girl at the booth sold fifty bonds.
The small pup gnawed a hole in the sock.
The fish twisted and turned on the bent hook.
Press the pants and sew a button on the vest.
The swan dive was far short of perfect.
The beauty of the view stunned the young boy.
Two blue fish swam in the tank.
Her purse was full of useless trash.
The colt reared and threw the tall rider.
It snowed, rained, and hailed the same morning.
Read verse out loud for pleasure.
Hoist the load to your left shoulder.
Take the winding path to reach the lake.
Note closely the size of the gas tank.
Wipe the grease off his dirty face.
Mend the coat before you go out.
The wrist was badly strained and hung limp.
The stray cat gave birth to kittens.
The young girl gave no clear response.
The meal was cooked before the bell rang.
What joy there is in living.
A king ruled the state in the early days.
The ship was torn apart on the sharp reef.
Sickness kept him home the third week.
The wide road shimmered in the hot sun.
The lazy cow lay in the cool grass.
Lift the square stone over the fence.
The rope will bind the seven books at once.
Hop over the fence and plunge in.
The friendly gang left the drug store.
Mesh wire keeps chicks inside.
The frosty air passed through the coat.
The crooked maze failed to fool the mouse.
Adding fast leads to wrong sums.
The show was a flop from the very start.
A saw is a tool used for making boards.
The wagon moved on well oiled wheels.
March the soldiers past the next hill.
A cup of sugar makes sweet fudge.
Place a rosebush near the porch steps.
Both lost their lives in the raging storm.
We talked of the side show in the circus.
Use a pencil to write the first draft.
""".splitlines()

_SUBJECTS = ("my neighbour", "the old captain", "a tired student", "our new teacher",
             "the baker", "my little sister", "the pilot", "a quiet farmer", "the doctor",
             "his uncle", "the young painter", "a careful driver", "the mayor", "our guide",
             "the night nurse", "a clever engineer", "the gardener", "her cousin")
_VERBS = ("found", "painted", "carried", "repaired", "ordered", "described", "sold",
          "borrowed", "cleaned", "forgot", "measured", "opened", "counted", "noticed")
_OBJECTS = ("a yellow umbrella", "the broken radio", "seven wooden chairs",
            "an old map of the city", "the heavy suitcase", "a basket of apples",
            "the kitchen window", "twelve green bottles", "a letter from Paris",
            "the garden gate", "a pair of leather boots", "the last train ticket")
_PLACES = ("before breakfast", "near the harbour", "after the long meeting",
           "on a rainy Tuesday", "behind the station", "in the late afternoon",
           "at the village market", "during the winter storm", "next to the library",
           "without saying a word")


def sentences() -> list[str]:
    """The full sentence list: the hand-written ones, then generated ones (deterministic)."""
    out = [s.strip() for s in HANDWRITTEN if s.strip()]
    combos = list(itertools.product(_SUBJECTS, _VERBS, _OBJECTS, _PLACES))
    rng = np.random.default_rng(1234)
    order = rng.permutation(len(combos))
    for j in order[:1500]:
        s, v, o, p = combos[j]
        out.append(f"{s[0].upper()}{s[1:]} {v} {o} {p}.")
    return out


def split_pools(n_test: int = 150, n_validation: int = 100) -> dict[str, list[str]]:
    """Disjoint sentence pools for the three splits."""
    all_s = sentences()
    if n_test < 1 or n_validation < 1 or n_test + n_validation >= len(all_s):
        raise ValueError(f"split sizes {n_test} + {n_validation} do not fit {len(all_s)} sentences")
    perm = np.random.default_rng(4321).permutation(len(all_s))
    shuffled = [all_s[j] for j in perm]
    return {"test": shuffled[:n_test],
            "validation": shuffled[n_test:n_test + n_validation],
            "train": shuffled[n_test + n_validation:]}


# --------------------------------------------------------------------------- speech

def espeak_available() -> bool:
    return shutil.which("espeak-ng") is not None


def resample(x: np.ndarray, rate_in: int, rate_out: int = audio.SAMPLE_RATE) -> np.ndarray:
    """Band-limited resampling through the FFT (whole signal; deterministic)."""
    n_out = int(round(x.size * rate_out / rate_in))
    spec = np.fft.rfft(x)
    keep = n_out // 2 + 1
    spec = spec[:keep] if keep <= spec.size else np.pad(spec, (0, keep - spec.size))
    return np.fft.irfft(spec, n=n_out) * (n_out / x.size)


def synthesize(text: str, voice: str, variant: str, speed: int, pitch: int) -> np.ndarray:
    """``text`` read by espeak-ng, as float64 at 16 kHz."""
    if not espeak_available():
        raise RuntimeError("espeak-ng not found: install it (apt-get install espeak-ng) "
                           "to generate data")
    proc = subprocess.run(["espeak-ng", "-v", f"{voice}+{variant}", "-s", str(speed),
                           "-p", str(pitch), "--stdout", text],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if proc.returncode != 0 or not proc.stdout:
        raise RuntimeError(f"espeak-ng failed on voice {voice}+{variant}: "
                           f"{proc.stderr.decode(errors='replace').strip()}")
    # espeak-ng --stdout writes a WAV stream whose size fields may be unset; read the fmt
    # chunk for the rate and take everything after the data chunk header.
    raw = proc.stdout
    rate = int.from_bytes(raw[24:28], "little")
    pos = raw.find(b"data")
    if raw[:4] != b"RIFF" or pos < 0:
        raise RuntimeError("espeak-ng wrote something that is not a WAV stream")
    pcm = raw[pos + 8:]
    pcm = pcm[:len(pcm) // 2 * 2]
    x = np.frombuffer(pcm, dtype="<i2").astype(np.float64) / 32768.0
    return resample(x, rate)


# --------------------------------------------------------------------------- noise

def _shaped(rng: np.random.Generator, n: int, exponent: float) -> np.ndarray:
    """Gaussian noise with power spectral density ~ 1 / f^exponent (above 20 Hz)."""
    spec = np.fft.rfft(rng.standard_normal(n))
    f = np.fft.rfftfreq(n, 1.0 / audio.SAMPLE_RATE)
    spec *= np.maximum(f, 20.0) ** (-exponent / 2.0)
    spec[0] = 0.0
    return np.fft.irfft(spec, n=n)


def _hum(rng: np.random.Generator, n: int) -> np.ndarray:
    t = np.arange(n) / audio.SAMPLE_RATE
    f0 = rng.choice([50.0, 60.0, 100.0, 120.0]) * rng.uniform(0.98, 1.02)
    x = np.zeros(n)
    for h in range(1, 9):
        if f0 * h < audio.SAMPLE_RATE / 2:
            x += rng.uniform(0.2, 1.0) / h * np.sin(2 * np.pi * f0 * h * t + rng.uniform(0, 2 * np.pi))
    if rng.random() < 0.5:   # a whine: a tone between 1 and 5 kHz with slow vibrato
        fw = rng.uniform(1000.0, 5000.0)
        x += rng.uniform(0.1, 0.5) * np.sin(2 * np.pi * fw * t + 3.0 * np.sin(2 * np.pi * 0.5 * t))
    return x + 0.01 * np.std(x) * rng.standard_normal(n)


def _bursts(rng: np.random.Generator, n: int) -> np.ndarray:
    x = 0.02 * _shaped(rng, n, 1.0)
    x /= np.std(x) + 1e-12
    x *= 0.05
    for _ in range(int(rng.integers(3, 12))):
        length = int(rng.uniform(0.01, 0.25) * audio.SAMPLE_RATE)
        start = int(rng.integers(0, max(1, n - length)))
        env = np.exp(-np.arange(length) / (length * rng.uniform(0.1, 0.5)))
        burst = _shaped(rng, length, rng.choice([0.0, 1.0, 2.0]))
        burst /= np.std(burst) + 1e-12
        x[start:start + length] += rng.uniform(0.5, 3.0) * env * burst[:length]
    return x


def _babble(rng: np.random.Generator, n: int, pool: list[str], exclude: str) -> np.ndarray:
    x = np.zeros(n)
    others = [s for s in pool if s != exclude]
    for _ in range(int(rng.integers(3, 7))):
        v = _voice(rng)
        s = synthesize(others[int(rng.integers(len(others)))], *v)
        s = s / (np.std(s) + 1e-12)
        s = np.tile(s, n // s.size + 1)            # talkers keep talking for the whole clip
        off = int(rng.integers(0, s.size - n + 1))
        x += rng.uniform(0.5, 1.0) * s[off:off + n]
    return x


def noise(kind: str, rng: np.random.Generator, n: int, pool=None, exclude: str = "") -> np.ndarray:
    """``n`` samples of noise of type ``kind`` (unit-free; the mixer sets its level)."""
    if kind == "white":
        return rng.standard_normal(n)
    if kind == "pink":
        return _shaped(rng, n, 1.0)
    if kind == "brown":
        return _shaped(rng, n, 2.0)
    if kind == "hum":
        return _hum(rng, n)
    if kind == "bursts":
        return _bursts(rng, n)
    if kind == "babble":
        if not pool:
            raise ValueError("babble noise needs a sentence pool")
        return _babble(rng, n, pool, exclude)
    raise ValueError(f"unknown noise type '{kind}' (expected one of {', '.join(NOISE_TYPES)})")


def mix(clean: np.ndarray, noise_: np.ndarray, snr_db: float, level_db: float):
    """(clean, noisy) with noise scaled to ``snr_db`` against the clean power and both scaled so
    that the noisy RMS is ``level_db`` dBFS (lowered if needed to keep |noisy| < 0.99)."""
    ps = np.mean(clean ** 2)
    pn = np.mean(noise_ ** 2)
    if ps <= 0 or pn <= 0:
        raise ValueError("mix: silent speech or noise")
    noise_ = noise_ * np.sqrt(ps / (pn * 10.0 ** (snr_db / 10.0)))
    noisy = clean + noise_
    gain = 10.0 ** (level_db / 20.0) / np.sqrt(np.mean(noisy ** 2))
    peak = np.max(np.abs(noisy)) * gain
    if peak > 0.99:
        gain *= 0.99 / peak
    return clean * gain, noisy * gain


# --------------------------------------------------------------------------- clips

def _voice(rng: np.random.Generator):
    return (VOICES[int(rng.integers(len(VOICES)))], VARIANTS[int(rng.integers(len(VARIANTS)))],
            int(SPEEDS[int(rng.integers(len(SPEEDS)))]), int(PITCHES[int(rng.integers(len(PITCHES)))]))


def clip(split: str, index: int, pools: dict, seconds: float = 3.0, seed: int = 0,
         noise_types=NOISE_TYPES):
    """Clip ``index`` of ``split``: (clean, noisy, info) with float64 audio at 16 kHz."""
    if split not in SPLITS:
        raise ValueError(f"unknown split '{split}' (expected one of {', '.join(SPLITS)})")
    rng = np.random.default_rng(np.random.SeedSequence([seed, SPLITS.index(split), index]))
    pool = pools[split]
    n = int(round(seconds * audio.SAMPLE_RATE))
    sentence = pool[int(rng.integers(len(pool)))]
    voice = _voice(rng)
    speech = synthesize(sentence, *voice)
    # Crop a long utterance at a random point; place a short one at a random offset.
    if speech.size >= n:
        off = int(rng.integers(0, speech.size - n + 1))
        clean = speech[off:off + n]
    else:
        off = int(rng.integers(0, n - speech.size + 1))
        clean = np.zeros(n)
        clean[off:off + speech.size] = speech
    kind = noise_types[int(rng.integers(len(noise_types)))]
    snr = float(rng.uniform(*SNR_RANGE))
    level = float(rng.uniform(*LEVEL_RANGE_DB))
    nz = noise(kind, rng, n, pool=pool, exclude=sentence)
    clean, noisy = mix(clean, nz, snr, level)
    info = {"split": split, "index": index, "sentence": sentence, "voice": f"{voice[0]}+{voice[1]}",
            "speed": voice[2], "pitch": voice[3], "noise": kind, "snr_db": round(snr, 3),
            "level_dbfs": round(level, 3)}
    return clean, noisy, info


def generate(split: str, count: int, pools: dict, seconds: float = 3.0, seed: int = 0):
    """(clean int16 [count, n], noisy int16 [count, n], infos) of the first ``count`` clips."""
    cleans, noisys, infos = [], [], []
    for i in range(count):
        c, x, info = clip(split, i, pools, seconds, seed)
        cleans.append(audio.to_int16(c))
        noisys.append(audio.to_int16(x))
        infos.append(info)
    return np.stack(cleans), np.stack(noisys), infos


def load_split(path: str):
    """(clean, noisy) float64 [count, n] and infos of a split file written by generate-data."""
    import json
    try:
        z = np.load(path, allow_pickle=False)
        clean, noisy = z["clean"], z["noisy"]
        infos = json.loads(str(z["info"]))
    except (OSError, KeyError, ValueError) as error:
        raise ValueError(f"{path}: not a split file of generate-data ({error})") from None
    return clean.astype(np.float64) / 32768.0, noisy.astype(np.float64) / 32768.0, infos
