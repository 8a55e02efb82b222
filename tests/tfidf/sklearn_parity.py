#!/usr/bin/python3
"""Parity of `textkit tfidf` with scikit-learn's TfidfVectorizer.

usage: sklearn_parity.py TEXTKIT_BINARY CORPUS.jsonl

The corpus' articles are cut into paragraphs and sentences (a few hundred documents). The
tokens come from `textkit tokenize` with the analysis options tfidf uses by default (case
folded, punctuation dropped) and are fed to TfidfVectorizer through analyzer=callable, so the
comparison is about the statistics, pruning and weights, not the tokenizer. Every weight of
every document must agree within 1e-9, and the vocabularies must be identical (the terms of
`textkit tfidf vocabulary` in feature order, as get_feature_names_out(), with idf_ within
1e-9), for the default weighting, sublinear_tf, smooth_idf=False, binary, use_idf=False, norm l1/l2/None
and min_df / max_df / max_features pruning.
"""
import json
import os
import subprocess
import sys
import tempfile

from sklearn.feature_extraction.text import TfidfVectorizer

TOLERANCE = 1e-9


def run(cmd, stdin=None):
    result = subprocess.run(cmd, input=stdin, capture_output=True)
    if result.returncode != 0:
        sys.exit(f"command failed ({result.returncode}): {' '.join(cmd)}\n{result.stderr.decode()}")
    return result.stdout


def build_corpus(textkit, articles, path):
    docs = []
    for line in open(articles, encoding="utf-8"):
        article = json.loads(line)
        paragraphs = [p for p in article["text"].split("\n\n") if p.strip()]
        for i, paragraph in enumerate(paragraphs):
            docs.append({"id": f"{article['id']}/p{i}", "text": paragraph})
    # Sentences of every other article as documents of their own.
    sentences = run([textkit, "tokenize", "--sentences", "--lang", "auto", articles])
    for n, line in enumerate(sentences.decode().splitlines()):
        if n % 2:
            continue
        record = json.loads(line)
        for k, sentence in enumerate(record["sentences"]):
            docs.append({"id": f"{record['id']}/s{k}", "text": sentence["text"]})
    with open(path, "w", encoding="utf-8") as out:
        for d in docs:
            out.write(json.dumps(d, ensure_ascii=False) + "\n")
    return docs


def textkit_tokens(textkit, corpus):
    out = run([textkit, "tokenize", "--lower", "--drop-punct", corpus])
    return [json.loads(line)["tokens"] for line in out.decode().splitlines()]


def textkit_vectors(textkit, corpus, workdir, fit_args, apply_args):
    model = os.path.join(workdir, "model.tfidf")
    run([textkit, "tfidf", "fit", corpus, "-o", model] + fit_args)
    out = run([textkit, "tfidf", "--model", model, "--vector", "terms", corpus] + apply_args)
    vectors = []
    for line in out.decode().splitlines():
        v = json.loads(line)["tfidf"]
        vectors.append(dict(zip(v["terms"], v["weights"])))
    info = run([textkit, "model", "info", model]).decode().splitlines()
    terms = int(next(l.split("\t")[1] for l in info if l.startswith("terms\t")))
    smooth = [a for a in apply_args if a.endswith("smooth-idf")]
    lines = run([textkit, "tfidf", "vocabulary", "--output", "jsonl", model] + smooth).decode().splitlines()
    features = [json.loads(line) for line in lines]
    if [f["id"] for f in features] != list(range(len(features))):
        sys.exit("tfidf vocabulary: ids are not the feature ids 0, 1, 2...")
    return vectors, terms, [f["term"] for f in features], [f["idf"] for f in features]


def sklearn_vectors(tokens, **kwargs):
    vectorizer = TfidfVectorizer(analyzer=lambda i: tokens[i], **kwargs)
    matrix = vectorizer.fit_transform(list(range(len(tokens)))).tocsr()
    names = vectorizer.get_feature_names_out()
    vectors = []
    for row in range(matrix.shape[0]):
        start, end = matrix.indptr[row], matrix.indptr[row + 1]
        vectors.append({names[j]: float(x) for j, x in zip(matrix.indices[start:end], matrix.data[start:end])})
    idf = [float(x) for x in vectorizer.idf_] if vectorizer.use_idf else None  # (no idf_ without it)
    return vectors, len(names), list(names), idf


def untied_max_features(tokens, near, min_df=1, max_df=None):
    """A max_features value with no tie at the cut-off among the terms that min_df/max_df
    keep (scikit-learn breaks such ties arbitrarily)."""
    counts, dfs = {}, {}
    for doc in tokens:
        for t in doc:
            counts[t] = counts.get(t, 0) + 1
        for t in set(doc):
            dfs[t] = dfs.get(t, 0) + 1
    high = len(tokens) if max_df is None else max_df
    ordered = sorted((c for t, c in counts.items() if min_df <= dfs[t] <= high), reverse=True)
    for k in range(near, len(ordered)):
        if ordered[k - 1] > ordered[k]:
            return k
    return len(ordered)


def compare(name, ours, theirs):
    (our_vectors, our_terms, our_names, our_idf), (their_vectors, their_terms, their_names, their_idf) = ours, theirs
    if our_terms != their_terms:
        return f"{name}: vocabulary size {our_terms} != scikit-learn {their_terms}"
    # Feature ids: textkit orders terms by UTF-8 bytes, scikit-learn by code points: the same order.
    if our_names != their_names:
        first = next(i for i, (a, b) in enumerate(zip(our_names + [None], their_names + [None])) if a != b)
        return f"{name}: feature {first} is {our_names[first:first + 1]}, scikit-learn {their_names[first:first + 1]}"
    worst_idf = max((abs(a - b) for a, b in zip(our_idf, their_idf or our_idf)), default=0.0)
    if worst_idf > TOLERANCE:
        return f"{name}: largest idf difference {worst_idf:.3g} > {TOLERANCE}"
    if len(our_vectors) != len(their_vectors):
        return f"{name}: {len(our_vectors)} documents != {len(their_vectors)}"
    worst = 0.0
    for i, (a, b) in enumerate(zip(our_vectors, their_vectors)):
        if set(a) != set(b):
            diff = sorted(set(a) ^ set(b))[:5]
            return f"{name}: document {i}: terms differ, e.g. {diff}"
        for term, weight in a.items():
            worst = max(worst, abs(weight - b[term]))
    if worst > TOLERANCE:
        return f"{name}: largest weight difference {worst:.3g} > {TOLERANCE}"
    print(f"ok  {name}: {len(our_vectors)} documents, {our_terms} terms, largest difference {worst:.2g}")
    return None


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    textkit, articles = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as workdir:
        corpus = os.path.join(workdir, "corpus.jsonl")
        docs = build_corpus(textkit, articles, corpus)
        tokens = textkit_tokens(textkit, corpus)
        assert len(tokens) == len(docs) >= 300, f"only {len(docs)} documents"
        k = untied_max_features(tokens, 200)
        k_pruned = untied_max_features(tokens, 200, min_df=2, max_df=0.4 * len(tokens))
        cases = [
            ("default weighting", [], [], {}),
            ("sublinear_tf", [], ["--sublinear-tf"], {"sublinear_tf": True}),
            ("smooth_idf=False", [], ["--no-smooth-idf"], {"smooth_idf": False}),
            ("norm=l1", [], ["--norm", "l1"], {"norm": "l1"}),
            ("norm=None", [], ["--norm", "none"], {"norm": None}),
            ("binary=True", [], ["--binary"], {"binary": True}),
            ("use_idf=False", [], ["--no-idf"], {"use_idf": False}),
            ("binary, use_idf=False, sublinear_tf, norm=l1", [], ["--binary", "--no-idf", "--sublinear-tf", "--norm", "l1"],
             {"binary": True, "use_idf": False, "sublinear_tf": True, "norm": "l1"}),
            ("use_idf=False, sublinear_tf, norm=None", [], ["--no-idf", "--sublinear-tf", "--norm", "none"],
             {"use_idf": False, "sublinear_tf": True, "norm": None}),
            ("min_df=2", ["--min-df", "2"], [], {"min_df": 2}),
            ("min_df=0.01", ["--min-df", "0.01"], [], {"min_df": 0.01}),
            ("max_df=0.5", ["--max-df", "0.5"], [], {"max_df": 0.5}),
            ("max_df=10", ["--max-df", "10"], [], {"max_df": 10}),
            (f"max_features={k}", ["--max-features", str(k)], [], {"max_features": k}),
            ("all together", ["--min-df", "2", "--max-df", "0.4", "--max-features", str(k_pruned)],
             ["--sublinear-tf", "--no-smooth-idf", "--norm", "l1"],
             {"min_df": 2, "max_df": 0.4, "max_features": k_pruned, "sublinear_tf": True, "smooth_idf": False,
              "norm": "l1"}),
        ]
        failures = []
        for name, fit_args, apply_args, kwargs in cases:
            ours = textkit_vectors(textkit, corpus, workdir, fit_args, apply_args)
            theirs = sklearn_vectors(tokens, **kwargs)
            problem = compare(name, ours, theirs)
            if problem:
                failures.append(problem)
                print("FAIL " + problem)
        print(f"{len(cases) - len(failures)} passed, {len(failures)} failed")
        sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
