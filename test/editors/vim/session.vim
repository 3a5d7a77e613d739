" A Vim session with the gpuplan recipe and ALE, as a user would use it:
"   vim -N -u gpuplan-ale.vim -S session.vim <plan>
" with GPUPLAN_SERVER and GPUPLAN_RESULT. Every check is recorded as JSON, then Vim quits.
let s:results = []
function! s:Record(name, ok, detail) abort
  call add(s:results, {'name': a:name, 'ok': a:ok ? v:true : v:false, 'detail': string(a:detail)})
endfunction

function! s:WaitUntil(expr, ms) abort
  let l:waited = 0
  while !eval(a:expr) && l:waited < a:ms
    sleep 50m
    let l:waited += 50
  endwhile
  return eval(a:expr)
endfunction

function! s:Finish() abort
  call writefile([json_encode({'version': v:version, 'results': s:results})], $GPUPLAN_RESULT)
  qa!
endfunction

function! s:Find(needle) abort
  let l:lnum = search('\V' . escape(a:needle, '\'), 'nw')
  return [l:lnum, stridx(getline(l:lnum), a:needle) + 1]
endfunction

function! s:Run() abort
  call s:Record('filetype gpuplan', &filetype is# 'gpuplan', &filetype)
  ALELint
  call s:Record('diagnostics arrive', s:WaitUntil('len(ale#engine#GetLoclist(bufnr("")) ) > 5', 20000), len(ale#engine#GetLoclist(bufnr(''))))
  " The phrase comes after Hangul on its line: Vim's columns are bytes.
  let [l:lnum, l:col] = s:Find('추진할 수도 있음')
  let l:vague = filter(copy(ale#engine#GetLoclist(bufnr(''))), 'get(v:val, "code", "") is# "vague-expression"')
  call s:Record('diagnostic after Hangul: line and column', len(l:vague) == 1 && l:vague[0].lnum == l:lnum && l:vague[0].col == l:col, [get(l:vague, 0, {}), l:lnum, l:col])
  let l:page = filter(copy(ale#engine#GetLoclist(bufnr(''))), 'get(v:val, "code", "") is# "page-budget"')
  call s:Record('settings apply (page-budget off)', empty(l:page), l:page)

  " A quick fix with :ALECodeAction, choosing the one that sets 16 servers.
  let [l:slnum, l:scol] = s:Find('"servers": 20')
  call cursor(l:slnum, l:scol + 11)
  let s:choice = '16'
  ALECodeAction
  call s:Record('quick fix applied', s:WaitUntil('search(''"servers": 16'', "nw") > 0', 10000), getline(l:slnum))
endfunction

" ALE asks for the code action's number: answer with the first whose title matches s:choice.
runtime autoload/ale/util.vim
function! ale#util#Input(message, value, ...) abort
  for l:line in split(a:message, "\n")
    let l:m = matchlist(l:line, '^\(\d\+\)) \(.*\)$')
    if !empty(l:m) && l:m[2] =~# s:choice
      return l:m[1]
    endif
  endfor
  return ''
endfunction

try
  call s:Run()
catch
  call s:Record('session ran without a Vim error', 0, v:exception . ' ' . v:throwpoint)
endtry
call s:Finish()
