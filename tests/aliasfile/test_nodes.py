import pytest
import yaml

from entnorm.aliasfile.nodes import DuplicateKey, Map, Seq, load


def test_values_and_where_they_were_written():
    data = load("PERSON:\n  A B: [x, 'y']\n  C:\n    - z\n").data
    assert data == {"PERSON": {"A B": ["x", "y"], "C": ["z"]}}
    block = data["PERSON"]
    assert isinstance(block, Map) and (block.line, block.col, block.flow) == (1, 2, False)
    assert block.key_at("A B") == (1, 2) and block.key_at("C") == (2, 2)
    flow, items = block["A B"], block["C"]
    assert isinstance(flow, Seq) and flow.flow and (flow.line, flow.col) == (1, 7)
    assert flow.item_at(1) == (1, 11)
    assert not items.flow and items.item_at(0) == (3, 6)


@pytest.mark.parametrize(
    "scalar, value",
    [
        ("NO", "NO"),  # Norway, not false: YAML 1.2
        ("on", "on"),
        ("yes", "yes"),
        ("true", True),
        ("False", False),
        ("~", None),
        ("", None),
        ("1984", 1984),
        ("0x1F", 31),
        ("1.5", 1.5),
        ("2024-01-01", "2024-01-01"),
        ("'1984'", "1984"),
        ('"true"', "true"),
        ("Q42", "Q42"),
    ],
)
def test_plain_scalars_are_typed_as_yaml_1_2_reads_them(scalar, value):
    assert load(f"k: {scalar}\n").data == {"k": value}


def test_tags_are_reported_with_their_place_and_never_run():
    document = load("a: !!python/name:os.system x\nb: [!custom y]\n")
    assert document.data == {"a": "x", "b": ["y"]}
    assert document.tagged == [(0, 0, "tag:yaml.org,2002:python/name:os.system"), (1, 4, "!custom")]


def test_a_key_written_twice_is_an_error_at_the_second():
    with pytest.raises(DuplicateKey) as info:
        load("a: 1\nb: 2\na: 3\n")
    assert info.value.problem == "found duplicate key 'a' (first on line 1)"
    assert info.value.problem_mark.line == 2


def test_anchors_are_built_once_and_shared():
    data = load("a: &x [1, 2]\nb: *x\n").data
    assert data["a"] is data["b"]


def test_syntax_errors_are_yaml_errors():
    with pytest.raises(yaml.MarkedYAMLError):
        load("a: [x\n")


def test_empty_text_has_no_data():
    assert load("").data is None and load("# a comment\n").data is None
