"""medtui.config: config.yaml parsing, defaults, and one clear warning per problem."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medtui.config import Config, load_config, load_yaml_file


@pytest.fixture
def cfg_dir(tmp_path: Path, monkeypatch) -> Path:
    """An empty config directory that medtui.paths.config_dir() points at."""
    folder = tmp_path / "cfg"
    folder.mkdir()
    monkeypatch.setenv("MEDTUI_CONFIG_DIR", str(folder))
    return folder


def write(cfg_dir: Path, text: str, name: str = "config.yaml") -> Path:
    path = cfg_dir / name
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_file_gives_defaults_without_warning(cfg_dir: Path) -> None:
    config = load_config()
    assert config == Config()
    assert config.warnings == []
    assert config.path is None


def test_empty_file_gives_defaults_without_warning(cfg_dir: Path) -> None:
    write(cfg_dir, "# nothing configured yet\n")
    config = load_config()
    assert (config.keymap, config.theme, config.gazetteer_paths, config.warnings) == (
        {},
        None,
        [],
        [],
    )


def test_theme_and_keymap_are_parsed(cfg_dir: Path) -> None:
    path = write(
        cfg_dir,
        "theme: nord\n"
        "keymap:\n"
        "  search: ctrl+f\n"
        "  cursor_down: 'j, down'\n"
        "  cursor_up: [k, up]\n"
        "  first: 1\n",
    )
    config = load_config()
    assert config.warnings == []
    assert config.path == path
    assert config.theme == "nord"
    assert config.keymap == {
        "search": "ctrl+f",
        "cursor_down": "j,down",
        "cursor_up": "k,up",
        "first": "1",
    }


def test_malformed_yaml_gives_one_warning_with_file_and_line(cfg_dir: Path) -> None:
    path = write(cfg_dir, "theme: nord\nkeymap:\n  search: ctrl+f\n   star: s: x\n")
    config = load_config()
    assert len(config.warnings) == 1
    warning = config.warnings[0]
    assert str(path) in warning
    assert "line 4" in warning
    assert config.theme is None and config.keymap == {}  # defaults, nothing half-applied


def test_unknown_keys_are_named_in_a_warning(cfg_dir: Path) -> None:
    write(cfg_dir, "theme: nord\ncolours: red\nkeymapp:\n  a: b\n")
    config = load_config()
    assert config.theme == "nord"  # known settings still apply
    assert len(config.warnings) == 1
    assert "colours" in config.warnings[0] and "keymapp" in config.warnings[0]


def test_python_object_tag_is_rejected(cfg_dir: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    path = write(
        cfg_dir,
        f"theme: !!python/object/apply:os.system ['touch {marker}']\n",
    )
    config = load_config()
    assert not marker.exists()
    assert config.theme is None
    assert len(config.warnings) == 1
    assert str(path) in config.warnings[0]
    assert "line 1" in config.warnings[0]
    assert "python/object" in config.warnings[0]


@pytest.mark.parametrize(
    ("text", "setting"),
    [
        ("theme: 5\n", "theme"),
        ("theme: [a, b]\n", "theme"),
        ("keymap: [ctrl+f]\n", "keymap"),
        ("keymap: ctrl+f\n", "keymap"),
        ("gazetteer: extra.yaml\n", "gazetteer"),
        ("gazetteer: {a: 1}\n", "gazetteer"),
    ],
)
def test_wrong_type_warns_and_falls_back_to_default(cfg_dir: Path, text: str, setting: str) -> None:
    write(cfg_dir, text)
    config = load_config()
    assert len(config.warnings) == 1
    assert setting in config.warnings[0]
    default = Config()
    assert config.keymap == default.keymap
    assert config.theme == default.theme
    assert config.gazetteer_paths == default.gazetteer_paths


def test_bad_keymap_entries_are_skipped_but_good_ones_kept(cfg_dir: Path) -> None:
    write(
        cfg_dir,
        "keymap:\n"
        "  search: ctrl+f\n"
        "  star: {key: s}\n"
        "  quit: 'q,,x'\n"
        "  help: 'ctrl f'\n"
        "  7: x\n",
    )
    config = load_config()
    assert config.keymap == {"search": "ctrl+f"}
    assert len(config.warnings) == 4
    assert any("'star'" in w for w in config.warnings)
    assert any("'quit'" in w for w in config.warnings)
    assert any("'help'" in w for w in config.warnings)


def test_top_level_list_is_a_warning(cfg_dir: Path) -> None:
    write(cfg_dir, "- theme\n- nord\n")
    config = load_config()
    assert len(config.warnings) == 1 and "list" in config.warnings[0]
    assert config.theme is None


def test_gazetteer_paths_resolve_and_user_gazetteer_is_picked_up(
    cfg_dir: Path, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    user = write(cfg_dir, "institutions: []\n", "gazetteer.yaml")
    relative = write(cfg_dir, "institutions: []\n", "extra.yaml")
    home_file = tmp_path / "home.yaml"
    home_file.write_text("institutions: []\n")
    write(
        cfg_dir,
        "gazetteer:\n  - extra.yaml\n  - ~/home.yaml\n  - gazetteer.yaml\n"
        "  - missing.yaml\n  - 3\n",
    )
    config = load_config()
    # Listed explicitly, gazetteer.yaml keeps the user's order (and appears once).
    assert config.gazetteer_paths == [relative, home_file, user]
    assert len(config.warnings) == 2
    assert any("missing.yaml" in w for w in config.warnings)
    assert any("3" in w and "gazetteer" in w for w in config.warnings)


def test_user_gazetteer_is_picked_up_without_config_file(cfg_dir: Path) -> None:
    user = write(cfg_dir, "institutions: []\n", "gazetteer.yaml")
    config = load_config()
    assert config.gazetteer_paths == [user]
    assert config.warnings == []


def test_explicit_missing_path_is_warned_about(tmp_path: Path, cfg_dir: Path) -> None:
    missing = tmp_path / "nope.yaml"
    config = load_config(missing)
    assert len(config.warnings) == 1 and str(missing) in config.warnings[0]


def test_explicit_path_is_read(tmp_path: Path, cfg_dir: Path) -> None:
    other = tmp_path / "other.yaml"
    other.write_text("theme: gruvbox\n")
    assert load_config(other).theme == "gruvbox"


def test_check_keymap_names_unknown_binding_ids(cfg_dir: Path) -> None:
    write(cfg_dir, "keymap:\n  search: ctrl+f\n  serch: s\n")
    config = load_config()
    warnings = config.check_keymap(["search", "star"])
    assert len(warnings) == 1 and "serch" in warnings[0] and "'search'" not in warnings[0]
    assert config.check_keymap(["search", "serch"]) == []


def test_load_yaml_file_reports_non_utf8_and_unreadable(tmp_path: Path) -> None:
    binary = tmp_path / "latin1.yaml"
    binary.write_bytes("name: caf\xe9\n".encode("latin-1"))
    data, warning = load_yaml_file(binary)
    assert data is None and warning is not None and str(binary) in warning and "UTF-8" in warning
    data, warning = load_yaml_file(tmp_path)  # a directory cannot be read as a file
    assert data is None and warning is not None and str(tmp_path) in warning


def test_load_yaml_file_returns_data_and_accepts_bom(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_bytes("\ufeffinstitutions:\n  - name: HKU\n".encode())
    assert load_yaml_file(path) == ({"institutions": [{"name": "HKU"}]}, None)


def test_unreadable_config_warns_and_uses_defaults(cfg_dir: Path) -> None:
    (cfg_dir / "config.yaml").mkdir()  # exists, but is not a readable file
    config = load_config()
    assert len(config.warnings) == 1 and "config.yaml" in config.warnings[0]
    assert config.keymap == {}


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(content=st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_any_file_content_never_raises(cfg_dir: Path, content: bytes) -> None:
    (cfg_dir / "config.yaml").write_bytes(content)
    config = load_config()
    assert isinstance(config.keymap, dict)
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in config.keymap.items())
    assert config.theme is None or isinstance(config.theme, str)
    assert all(isinstance(w, str) and w for w in config.warnings)


def test_empty_theme_means_default_without_warning(cfg_dir: Path) -> None:
    write(cfg_dir, "theme: ''\nkeymap:\ngazetteer:\n")
    config = load_config()
    assert config.theme is None and config.keymap == {} and config.gazetteer_paths == []
    assert config.warnings == []


def test_permission_denied_is_a_warning_not_a_crash(cfg_dir: Path, monkeypatch) -> None:
    # Running as root, chmod cannot deny access; simulate what a locked folder does.
    def denied(self: Path, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "exists", denied)
    monkeypatch.setattr(Path, "is_file", denied)
    monkeypatch.setattr(Path, "read_bytes", denied)
    config = load_config()
    assert len(config.warnings) == 1
    assert "config.yaml" in config.warnings[0] and "Permission denied" in config.warnings[0]
    assert config.gazetteer_paths == []


def test_documented_example_is_valid(cfg_dir: Path) -> None:
    import medtui.config

    doc = medtui.config.__doc__ or ""
    example = []
    for line in doc.split("::\n", 1)[1].splitlines():
        if line and not line.startswith("    "):
            break  # the indented example block has ended
        example.append(line[4:])
    assert len(example) > 10
    write(cfg_dir, "\n".join(example))
    config = load_config()
    assert config.theme == "textual-dark"
    assert config.keymap["list.down"] == "j,down"
    # Only the two example gazetteer files, which do not exist here, are warned about.
    assert len(config.warnings) == 2 and all("Gazetteer file" in w for w in config.warnings)
