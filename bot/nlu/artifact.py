"""The trained model on disk: one joblib file named by model version and data hash."""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

import joblib

from bot.nlu.data import data_hash, load_data
from bot.nlu.model import MODEL_VERSION, IntentModel, train

log = logging.getLogger(__name__)
_PREFIX = "nlu-"


def artifact_path(model_dir: Path, digest: str) -> Path:
    """Where the model trained from data with this hash lives."""
    return model_dir / f"{_PREFIX}v{MODEL_VERSION}-{digest[:16]}.joblib"


def save(model: IntentModel, path: Path) -> None:
    """Write atomically, so a crashed write never leaves a half file behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(handle)
    try:
        joblib.dump(model, tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def load(path: Path) -> IntentModel:
    model = joblib.load(path)
    if not isinstance(model, IntentModel) or model.version != MODEL_VERSION:
        raise ValueError(f"{path} is not a version {MODEL_VERSION} intent model")
    return model


def train_to(data_dir: Path, model_dir: Path) -> tuple[IntentModel, Path]:
    """Train from `data_dir`, save under `model_dir`, remove artifacts of older data."""
    digest = data_hash(data_dir)
    model = train(load_data(data_dir))
    path = artifact_path(model_dir, digest)
    save(model, path)
    for stale in model_dir.glob(f"{_PREFIX}*.joblib"):
        if stale != path:
            stale.unlink(missing_ok=True)
    log.info("trained NLU model %s", path)
    return model, path


def load_or_train(data_dir: Path, model_dir: Path) -> IntentModel:
    """The model for the current data: loaded when up to date, else trained (seconds)."""
    path = artifact_path(model_dir, data_hash(data_dir))
    if path.exists():
        try:
            return load(path)
        except Exception:  # a corrupt or incompatible file is simply retrained
            log.warning("could not load %s; retraining", path, exc_info=True)
    return train_to(data_dir, model_dir)[0]
