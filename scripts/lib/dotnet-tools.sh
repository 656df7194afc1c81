# The .NET command-line tools the scripts use, pinned here and installed once into .artifacts/tools (git-ignored)
# rather than through a tool manifest at the repository's top level.
DOTNET_TOOLS="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.artifacts/tools"

# dotnet_tool PACKAGE VERSION COMMAND: prints the path of COMMAND, installing PACKAGE at VERSION when missing.
dotnet_tool() {
  local package="$1" version="$2" command="$3"
  if [ ! -x "$DOTNET_TOOLS/$command" ]; then
    dotnet tool install "$package" --version "$version" --tool-path "$DOTNET_TOOLS" >/dev/null \
      || { echo "could not install $package $version" >&2; return 1; }
  fi
  echo "$DOTNET_TOOLS/$command"
}
