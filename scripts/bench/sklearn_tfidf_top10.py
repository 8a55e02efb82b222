#!/usr/bin/python3
"""The scikit-learn side of scripts/bench/tfidf.sh: TfidfVectorizer.fit_transform over a JSON
Lines corpus (field "text"), then the 10 highest-weighted terms of each document, written as
JSON Lines {"id", "tfidf": [[term, weight]...]} (weight descending, then term)."""
import json
import sys

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

ids, texts = [], []
for line in sys.stdin:
    if line.strip():
        d = json.loads(line)
        ids.append(d.get("id"))
        texts.append(d["text"])
vectorizer = TfidfVectorizer()  # lowercase, (?u)\b\w\w+\b, smooth idf, l2
matrix = vectorizer.fit_transform(texts).tocsr()
names = vectorizer.get_feature_names_out()
out = sys.stdout
for row, doc_id in enumerate(ids):
    start, end = matrix.indptr[row], matrix.indptr[row + 1]
    cols, weights = matrix.indices[start:end], matrix.data[start:end]
    order = np.lexsort((cols, -weights))[:10]  # weight descending, then feature (term) order
    top = [[names[cols[i]], float(weights[i])] for i in order]
    out.write(json.dumps({"id": doc_id, "tfidf": top}, ensure_ascii=False) + "\n")
