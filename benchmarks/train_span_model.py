"""Train the accurate pipeline's span model on the SkillSpan train split (issue 18).

Three steps, one command (CPU only, fixed seeds, one thread, ``nice``), four with
``--pretrain``:

1. convert ``skillspan_train.jsonl`` and ``skillspan_dev.jsonl`` (from the shared data) into
   spaCy ``DocBin`` files, run through :func:`jobmatch.make_nlp`'s pipeline (its tokens are
   the ones the model sees at inference, and its lexicon mentions become the tokens' tags,
   :mod:`jobmatch.extract.lexicon_tags`, the model's ``TAG`` feature) with the gold spans as
   entities ``KNOWLEDGE`` / ``SKILL`` (where a Knowledge and a Skill span overlap, the longer
   one is kept) and all of them, overlaps included, in ``doc.spans["sc"]`` (for ``spancat``);
   ``--labels knowledge`` keeps the Knowledge spans alone (all of them: they never overlap
   each other) and drops the Skill spans, for a model of one label (docs/accurate.md);
2. with ``--pretrain`` only (the shipped model is trained without: it did not improve the
   merge on SkillSpan dev, ``docs/accurate.md``):
   ``spacy pretrain training/span_model_pretrain.cfg``: the tok2vec learns to predict
   masked tokens' characters on unlabelled text that is not SkillSpan test (the SkillSpan
   train and dev sentences' texts, the glassdoor postings, the resume_matcher job
   descriptions; never ``postings/skillspan``, rebuilt from SkillSpan sentences of every
   split), tokenized as in step 1;
3. ``spacy train training/span_model.cfg --code training/span_model_code.py``, its tok2vec
   starting from step 2's weights if any (dev is used for model selection only: the best
   checkpoint by dev entity F1);
4. copy the best pipeline into ``skill_lexicon/models/span_model/`` (package data), without
   its training-only files.

Usage::

    python benchmarks/train_span_model.py                  # all three steps
    python benchmarks/train_span_model.py --work /tmp/sm   # where corpora and checkpoints go
    python benchmarks/train_span_model.py --no-install     # train, do not replace the shipped model
    python benchmarks/train_span_model.py --pretrain       # pretrain the tok2vec first
    python benchmarks/train_span_model.py --pretrain --pretrain-epochs 120   # for longer
    python benchmarks/train_span_model.py --training.dropout 0.3   # a config override
    python benchmarks/train_span_model.py --no-install --config training/span_model_spancat.cfg
        # an experiment's config (docs/accurate.md)
    python benchmarks/train_span_model.py --no-install --labels knowledge
        # train on the Knowledge spans alone (one label, KNOWLEDGE)
    python benchmarks/train_span_model.py --no-install --vectors
        # static floret vectors trained on the unlabelled texts below (``pip install floret``)
    python benchmarks/train_span_model.py --no-install --vectors wordllama --vector-dim 64
        # static vectors from WordLlama's pretrained token embeddings (``pip install
        # wordllama``; its files in the installed package, no network)

The SkillSpan test split is held out: it is never read here.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    from spacy.tokens import Doc, Span

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "training" / "span_model.cfg"
CODE = ROOT / "training" / "span_model_code.py"
PRETRAIN_CONFIG = ROOT / "training" / "span_model_pretrain.cfg"
TARGET = ROOT / "skill_lexicon" / "models" / "span_model"
# the static vectors of --vectors: floret's hashed table, rows x dims float32 (5.1 MB);
# VECTOR_DIM is also --vector-dim's default for --vectors wordllama
VECTOR_ROWS = 20000
VECTOR_DIM = 64
# the gold layers each --labels choice keeps as entities (SkillSpan's span types, upper case)
LABELS = {"both": ("KNOWLEDGE", "SKILL"), "knowledge": ("KNOWLEDGE",)}


def shared_data() -> Path:
    env = os.environ.get("JOBMATCH_SHARED_DATA")
    if env and Path(env).is_dir():
        return Path(env)
    here = ROOT.parent / "shared" / "data"
    if here.is_dir():
        return here
    sys.exit("shared data not found: set JOBMATCH_SHARED_DATA")


def gold_spans(doc: Doc, row: dict[str, Any], labels: Sequence[str] = LABELS["both"]) -> list[Span]:
    """The gold spans of ``row`` (a SkillSpan sentence) on ``doc`` (its text's tokens) whose
    label (the span's type, upper case) is one of ``labels``, in the row's order; a gold edge
    inside a token is widened to the token's edges."""
    spans: list[Span] = []
    for s in row.get("spans") or []:
        label = s["type"].upper()
        if label not in labels:
            continue
        span = doc.char_span(s["start"], s["end"], label=label)
        if span is None:  # a gold edge inside a token: widen to the token edges
            span = doc.char_span(s["start"], s["end"], label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    return spans


def convert(src: Path, dest: Path, labels: Sequence[str] = LABELS["both"]) -> tuple[int, int, int]:
    """Write ``src`` (SkillSpan JSONL) as a DocBin with the gold spans of ``labels``;
    returns (sentences, spans, dropped)."""
    from spacy.tokens import DocBin
    from spacy.util import filter_spans

    from jobmatch import make_nlp
    from jobmatch.extract.lexicon_tags import LexiconTagger

    nlp = make_nlp()  # the fast pipeline: tokens + lexicon mentions
    tagger = LexiconTagger()
    db = DocBin(store_user_data=False)
    n_rows = n_spans = n_dropped = 0
    # read at once (a file left open warns); split on "\n" alone, as iterating the file would
    for line in src.read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        row = json.loads(line)
        doc = tagger(nlp(row["text"]))
        spans = gold_spans(doc, row, labels)
        del doc.spans["skills"]  # the tags carry what the model needs of the lexicon
        doc.spans["sc"] = spans
        kept = filter_spans(spans)
        n_spans += len(kept)
        n_dropped += len(spans) - len(kept)
        doc.ents = kept
        db.add(doc)
        n_rows += 1
    dest.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(dest)
    return n_rows, n_spans, n_dropped


def unlabelled_texts(data: Path) -> Iterator[str]:
    """The pretraining texts: SkillSpan train and dev sentences (texts only, no spans), the
    glassdoor postings and the resume_matcher job descriptions, one paragraph a text,
    each distinct text once, in a fixed order."""
    sources = [
        data / "gold" / "skillspan" / "skillspan_train.jsonl",
        data / "gold" / "skillspan" / "skillspan_dev.jsonl",
        data / "postings" / "glassdoor_ds_2020" / "glassdoor_public.jsonl",
        data / "postings" / "resume_matcher" / "resume_matcher_jds.jsonl",
    ]
    seen: set[str] = set()
    for src in sources:
        for line in src.open(encoding="utf-8"):
            if not line.strip():
                continue
            for para in json.loads(line)["text"].split("\n"):
                para = " ".join(para.split())
                if para and para not in seen:
                    seen.add(para)
                    yield para


def convert_unlabelled(texts: Iterable[str], dest: Path) -> tuple[int, int]:
    """Write ``texts`` as a DocBin with the jobmatch tokens and lexicon tags (as ``convert``);
    returns (texts, tokens)."""
    from spacy.tokens import DocBin

    from jobmatch import make_nlp
    from jobmatch.extract.lexicon_tags import LexiconTagger

    nlp = make_nlp()
    tagger = LexiconTagger()
    db = DocBin(store_user_data=False)
    n_docs = n_tokens = 0
    for doc in nlp.pipe(texts, batch_size=256):
        doc = tagger(doc)
        del doc.spans["skills"]
        db.add(doc)
        n_docs += 1
        n_tokens += len(doc)
    dest.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(dest)
    return n_docs, n_tokens


def train_vectors(texts: Iterable[str], work: Path) -> Path:
    """Train floret vectors on ``texts`` (lower-cased jobmatch tokens) and convert them with
    ``spacy init vectors --mode floret --attr LOWER``; returns the vectors' pipeline folder.

    floret (Explosion's fastText fork, a training-time extra: ``pip install floret``) stores
    one hashed table of subword rows, so every token, unseen ones included, gets a vector,
    and the table's size is fixed (``bucket`` rows of ``dim`` floats) whatever the corpus.
    Skipgram, one thread (floret seeds its generator itself): the same corpus gives the same
    vectors.
    """
    import floret

    from jobmatch import make_nlp

    tokenizer = make_nlp().tokenizer
    corpus = work / "vectors_corpus.txt"
    corpus.parent.mkdir(parents=True, exist_ok=True)
    with corpus.open("w", encoding="utf-8") as out:
        for doc in tokenizer.pipe(texts, batch_size=256):
            out.write(" ".join(t.lower_ for t in doc if not t.is_space) + "\n")
    model = floret.train_unsupervised(
        str(corpus), model="skipgram", mode="floret", hashCount=2, bucket=VECTOR_ROWS,
        dim=VECTOR_DIM, minn=3, maxn=5, minCount=2, epoch=20, thread=1, verbose=0,
    )  # fmt: skip
    table = work / "vectors.floret"
    model.save_floret_vectors(str(table))
    out_dir = work / "vectors"
    cmd = [
        sys.executable, "-m", "spacy", "init", "vectors", "en", str(table), str(out_dir),
        "--mode", "floret", "--attr", "LOWER", "--name", "jobmatch_floret",
    ]  # fmt: skip
    subprocess.run(cmd, check=True, env=_env())
    return out_dir


# WordLlama's files inside its wheel (``pip install wordllama``, the ``train`` extra): the
# Llama-2 tokenizer and a 32,000 x 256 fp16 token-embedding table distilled from
# Llama-2-70B's input embeddings (Matryoshka-trained: the first 64 or 128 dims stand alone)
WORDLLAMA_TOKENIZER = ("tokenizers", "l2_supercat_tokenizer_config.json")
WORDLLAMA_WEIGHTS = ("weights", "l2_supercat_256.safetensors")


def vector_words(texts: Iterable[str]) -> list[str]:
    """The words the WordLlama table has a vector for, sorted: every jobmatch token of
    ``texts`` and of the lexicon's names and aliases, as written, and the WordLlama
    tokenizer's whole-word pieces (a piece that starts a word and is all letters)."""
    from importlib.resources import files

    from tokenizers import Tokenizer

    from jobmatch import make_nlp
    from jobmatch.lexicon.loader import load_lexicon

    tokenizer = make_nlp().tokenizer
    words: set[str] = set()
    for doc in tokenizer.pipe(texts, batch_size=256):
        words.update(t.text for t in doc if not t.is_space)
    for skill in load_lexicon().skills:
        for form in (skill.name, *skill.aliases):
            words.update(t.text for t in tokenizer(form) if not t.is_space)
    pieces = Tokenizer.from_file(str(files("wordllama").joinpath(*WORDLLAMA_TOKENIZER)))
    for piece in pieces.get_vocab():
        if piece.startswith("\u2581") and len(piece) > 2 and piece[1:].isalpha():
            words.add(piece[1:].lower())
    return sorted(w for w in words if w and not any(c.isspace() for c in w))


def write_word_vectors(
    words: Sequence[str],
    encode: Callable[[list[str]], list[list[int]]],
    table: np.ndarray,
    text: Path,
) -> None:
    """Write the word2vec text file of :func:`wordllama_vectors`: a row per lower-cased word
    of ``words``, the mean of ``table``'s rows of its pieces (``encode`` gives each word's
    piece ids), L2-normalised, under its lower, upper and capitalised forms and the forms
    as written in ``words``."""
    import numpy as np

    text.parent.mkdir(parents=True, exist_ok=True)
    forms: dict[str, set[str]] = {}  # lower case -> the keys sharing its vector
    for word in words:
        low = word.lower()
        forms.setdefault(low, {low, low.upper(), low.capitalize()}).add(word)
    lows = sorted(forms)
    with text.open("w", encoding="utf-8") as out:
        out.write(f"{sum(len(keys) for keys in forms.values())} {table.shape[1]}\n")
        for low, ids in zip(lows, encode(lows), strict=True):
            vec = table[ids].mean(axis=0)
            norm = float(np.linalg.norm(vec))
            if norm > 0:
                vec /= norm
            row = " ".join(f"{x:.5g}" for x in vec)
            for key in sorted(forms[low]):
                out.write(f"{key} {row}\n")


def wordllama_vectors(words: Sequence[str], work: Path, dim: int) -> Path:
    """Build a static vectors table from WordLlama's token embeddings and convert it with
    ``spacy init vectors``; returns the vectors' pipeline folder.

    A word's vector is the mean of the embedding rows of the WordLlama pieces of its lower
    case (encoded alone, as the start of a word), truncated to the first ``dim`` dimensions
    and L2-normalised. The table is keyed by the token's text (ORTH): spaCy keeps a
    ``--attr LOWER`` of a plain (not floret) table in memory but does not save it, so a
    trained model would look its vectors up by ORTH. So each word gets a key for its lower
    case, its upper case and its capitalised form too (and the forms as written in
    ``words``), all on one row (``spacy init vectors`` merges identical rows): a token in
    another case than these has no vector. Read from the installed package's own files (the
    tokenizer with ``tokenizers``, the table with ``safetensors``): nothing is downloaded.
    """
    from importlib.resources import files

    import numpy as np
    from safetensors import safe_open
    from tokenizers import Tokenizer

    pkg = files("wordllama")
    pieces = Tokenizer.from_file(str(pkg.joinpath(*WORDLLAMA_TOKENIZER)))
    with safe_open(str(pkg.joinpath(*WORDLLAMA_WEIGHTS)), framework="np", device="cpu") as f:
        table = f.get_tensor("embedding.weight")[:, :dim].astype(np.float32)
    text = work / f"vectors_wordllama_{dim}.txt"

    def encode(lows: list[str]) -> list[list[int]]:
        return [enc.ids for enc in pieces.encode_batch(lows, add_special_tokens=False)]

    write_word_vectors(words, encode, table, text)
    out_dir = work / "vectors"
    if out_dir.exists():
        shutil.rmtree(out_dir)
    cmd = [
        sys.executable, "-m", "spacy", "init", "vectors", "en", str(text), str(out_dir),
        "--name", f"jobmatch_wordllama_{dim}",
    ]  # fmt: skip
    subprocess.run(cmd, check=True, env=_env())
    return out_dir


def _env() -> dict[str, str]:
    return dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")


def pretrain(work: Path, epochs: int | None = None) -> Path:
    """Run ``spacy pretrain`` (nice, one thread); returns the last epoch's weights.

    ``epochs`` overrides the config's ``[pretraining] max_epochs`` (40).
    """
    out = work / "pretrain"
    if out.exists():  # spacy pretrain refuses a folder with weights in it
        shutil.rmtree(out)
    cmd = [
        "nice", "-n", "19", sys.executable, "-m", "spacy", "pretrain", str(PRETRAIN_CONFIG),
        str(out), "--code", str(CODE), "--paths.raw", str(work / "raw.spacy"),
    ]  # fmt: skip
    if epochs is not None:
        cmd += ["--pretraining.max_epochs", str(epochs)]
    print(" ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, env=_env())
    return out / "model-last.bin"


def train(work: Path, extra: Iterable[str], config: Path = CONFIG) -> Path:
    """Run ``spacy train`` (nice, one thread); returns the best checkpoint's folder."""
    env = _env()
    cmd = [
        "nice", "-n", "19", sys.executable, "-m", "spacy", "train", str(config),
        "--code", str(CODE),
        "--output", str(work / "output"),
        "--paths.train", str(work / "train.spacy"),
        "--paths.dev", str(work / "dev.spacy"),
        *extra,
    ]  # fmt: skip
    print(" ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, env=env)
    return work / "output" / "model-best"


def install(best: Path) -> None:
    """Copy the best pipeline into the package data (replacing the shipped one)."""
    if TARGET.exists():
        shutil.rmtree(TARGET)
    shutil.copytree(best, TARGET)
    for name in ("tokenizer",):  # the pipeline's own tokenizer is never used (sourced NER)
        (TARGET / name).unlink(missing_ok=True)
    size = sum(p.stat().st_size for p in TARGET.rglob("*") if p.is_file())
    print(f"installed {best} -> {TARGET} ({size / 1e6:.1f} MB)")


def main(argv: Iterable[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--work", default="/tmp/jobmatch_span_model", help="corpora and checkpoints")
    ap.add_argument("--no-install", action="store_true", help="do not replace the shipped model")
    ap.add_argument("--pretrain", action="store_true", help="pretrain the tok2vec first")
    ap.add_argument(
        "--pretrain-epochs", type=int, help="pretraining epochs (default: the config's, 40)"
    )
    ap.add_argument(
        "--vectors",
        nargs="?",
        const="floret",
        choices=("floret", "wordllama"),
        help="static vectors for the tok2vec: floret (trained here; the default of a bare "
        "--vectors) or wordllama (WordLlama's pretrained token embeddings)",
    )
    ap.add_argument(
        "--vector-dim",
        type=int,
        default=VECTOR_DIM,
        help="dimensions of the wordllama vectors (the first N of 256; default 64)",
    )
    ap.add_argument(
        "--config", default=str(CONFIG), help="the training config (an experiment's, say)"
    )
    ap.add_argument(
        "--labels",
        choices=sorted(LABELS),
        default="both",
        help="the gold layers trained on: both (KNOWLEDGE and SKILL) or knowledge alone",
    )
    # anything else is passed to `spacy train` as config overrides (--training.dropout 0.3)
    args, overrides = ap.parse_known_args(None if argv is None else list(argv))
    work = Path(args.work)
    gold = shared_data() / "gold" / "skillspan"
    for split in ("train", "dev"):
        n, s, d = convert(
            gold / f"skillspan_{split}.jsonl", work / f"{split}.spacy", LABELS[args.labels]
        )
        print(f"{split}: {n} sentences, {s} spans ({d} overlapping spans dropped)", flush=True)
    if args.pretrain:
        n, t = convert_unlabelled(unlabelled_texts(shared_data()), work / "raw.spacy")
        print(f"unlabelled: {n} texts, {t} tokens", flush=True)
        weights = pretrain(work, args.pretrain_epochs)
        overrides = ["--paths.pretrained_tok2vec", str(weights), *overrides]
    if args.vectors:
        if args.vectors == "wordllama":
            words = vector_words(unlabelled_texts(shared_data()))
            vectors = wordllama_vectors(words, work, args.vector_dim)
        else:
            vectors = train_vectors(unlabelled_texts(shared_data()), work)
        print(f"vectors: {vectors}", flush=True)
        from spacy.util import load_config

        # the config's one component (span_model.cfg's NER, or an experiment's spancat)
        component = load_config(Path(args.config))["nlp"]["pipeline"][0]
        overrides = [
            "--paths.vectors", str(vectors),
            f"--components.{component}.model.tok2vec.embed.include_static_vectors", "true",
            *overrides,
        ]  # fmt: skip
    best = train(work, overrides, Path(args.config))
    if not args.no_install:
        install(best)


if __name__ == "__main__":
    main()
