@echo off
rem reviewtui @VERSION@. Drag a meeting file (.toml or .db) onto this file to open it; with no
rem file it runs the sample meeting. Other words are passed on: reviewtui.bat check m.toml
setlocal
set "EXE=%~dp0env\Scripts\reviewtui.exe"
if not exist "%EXE%" (
  echo reviewtui is not installed yet: run install.bat in this folder first.
  pause
  exit /b 1
)
rem Windows Terminal draws the screens best: open there unless already inside it.
if defined WT_SESSION goto here
where wt.exe >nul 2>nul
if errorlevel 1 goto here
start "" wt.exe new-tab --title reviewtui cmd.exe /c call "%~f0" %*
exit /b 0
:here
rem The classic console: UTF-8 code page, so Chinese text and the screens' lines show right.
chcp 65001 >nul
set "PYTHONUTF8=1"
set "PYTHONIOENCODING=utf-8"
if "%~1"=="" (
  "%EXE%" demo
) else if /i "%~x1"==".toml" (
  "%EXE%" run "%~1"
) else if /i "%~x1"==".db" (
  "%EXE%" run "%~1"
) else (
  "%EXE%" %*
)
set "CODE=%ERRORLEVEL%"
if not "%CODE%"=="0" pause
exit /b %CODE%
