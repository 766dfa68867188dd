@echo off
rem reviewtui @VERSION@: makes the program's own Python environment in this folder, from the
rem wheels beside this file, with no network. Needs Python 3.11, 3.12 or 3.13 from python.org.
setlocal
cd /d "%~dp0"
set "PY="
for %%V in (3.13 3.12 3.11) do (
  if not defined PY (
    py -%%V -c "import sys" >nul 2>nul && set "PY=py -%%V"
  )
)
if not defined PY (
  python -c "import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)" >nul 2>nul && set "PY=python"
)
if not defined PY (
  echo.
  echo Python 3.11, 3.12 or 3.13 was not found on this computer.
  echo Install it from the python.org installer first: see the instructions file in this folder.
  echo.
  pause
  exit /b 1
)
echo Using: %PY%
if exist "%~dp0env" rmdir /s /q "%~dp0env"
%PY% -m venv "%~dp0env" || goto fail
"%~dp0env\Scripts\python.exe" -m pip install --no-index --find-links "%~dp0wheels" reviewtui || goto fail
"%~dp0env\Scripts\reviewtui.exe" --version || goto fail
echo.
echo reviewtui is installed. Double-click reviewtui.bat, or drag a meeting file
echo (.toml or .db) onto reviewtui.bat to open it.
echo.
pause
exit /b 0
:fail
echo.
echo The installation failed (see the messages above). Nothing outside this folder was changed.
echo.
pause
exit /b 1
