" gpuplan in Vim 9 with ALE 3.3 (vimrc). Run `npm run build` in the gpuplan checkout first.
set nocompatible
packadd ale
let s:server = !empty($GPUPLAN_SERVER) ? $GPUPLAN_SERVER : expand('~/src/gpuplan/dist/server.js')
let s:settings = {
\ 'validation': {'delayMs': 100},
\ 'rules': {'page-budget': 'off'},
\ 'abbreviations': {'allowlist': ['KISTI']},
\}

augroup gpuplan
  autocmd!
  autocmd BufRead,BufNewFile *.gpuplan.json set filetype=gpuplan
  autocmd FileType gpuplan setlocal expandtab shiftwidth=2 omnifunc=ale#completion#OmniFunc
augroup END

" ALE reads the server's columns as bytes: positionEncoding utf-8 makes them bytes (after Hangul too).
call ale#linter#Define('gpuplan', {
\ 'name': 'gpuplan',
\ 'lsp': 'stdio',
\ 'executable': 'node',
\ 'command': '%e ' . shellescape(s:server) . ' --stdio',
\ 'project_root': {buffer -> fnamemodify(bufname(buffer), ':p:h')},
\ 'language': 'gpuplan',
\ 'initialization_options': {'settings': s:settings, 'positionEncoding': 'utf-8'},
\ 'lsp_config': {'gpuplan': s:settings},
\})
let g:ale_linters = {'gpuplan': ['gpuplan']}
syntax on
filetype plugin indent on
