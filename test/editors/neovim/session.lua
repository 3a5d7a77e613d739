-- A headless Neovim session with the gpuplan server, as a user would use it: started by
-- test/editors/neovim.test.ts as
--   nvim --headless -u init-0.7.lua -c 'luafile session.lua' <plan>
-- with GPUPLAN_SERVER (dist/server.js), GPUPLAN_RESULT (where to write the results) and
-- GPUPLAN_SCRATCH (a folder for the other buffers). Every check is recorded, then Neovim quits.
local results = {}
local function record(name, ok, detail)
  table.insert(results, { name = name, ok = ok and true or false, detail = detail and tostring(detail) or '' })
end

local function finish()
  local file = assert(io.open(vim.env.GPUPLAN_RESULT, 'w'))
  file:write(vim.fn.json_encode({ version = vim.version(), results = results }))
  file:close()
  vim.cmd('qa!')
end

local function text_of(buf)
  return table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
end

--- The 0-based line and byte column of the first occurrence of `needle` in the buffer.
local function find(buf, needle)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local s = line:find(needle, 1, true)
    if s then return i - 1, s - 1, line end
  end
end

local function code_of(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end

local function diagnostics_with(buf, code)
  return vim.tbl_filter(function(d) return code_of(d) == code end, vim.diagnostic.get(buf))
end

--- Chooses the code action whose title matches `pattern` when Neovim asks (vim.ui.select).
local function choose(pattern)
  vim.ui.select = function(items, opts, on_choice)
    for i, item in ipairs(items) do
      local action = item[2] or item.action or item
      if action.title:find(pattern) then return on_choice(item, i) end
    end
    on_choice(nil, nil)
  end
end

local function code_action(only)
  if vim.fn.has('nvim-0.8') == 1 then
    vim.lsp.buf.code_action({ context = { only = only } })
  else
    vim.lsp.buf.code_action({ only = only })
  end
end

local function format(buf)
  if vim.lsp.buf.format then
    vim.lsp.buf.format({ bufnr = buf, timeout_ms = 5000 })
  else
    vim.lsp.buf.formatting_sync(nil, 5000)
  end
end

local ok, err = pcall(function()
  local buf = vim.api.nvim_get_current_buf()
  record('filetype gpuplan', vim.bo[buf].filetype == 'gpuplan', vim.bo[buf].filetype)
  local got = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  record('diagnostics arrive', got, #vim.diagnostic.get(buf))
  if not got then return end

  -- Diagnostics at the right columns after Hangul (Neovim keeps byte columns).
  local vline, vcol = find(buf, '추진할 수도 있음')
  local vague = diagnostics_with(buf, 'vague-expression')[1]
  record('diagnostic after Hangul: line and byte columns', vague and vague.lnum == vline and vague.col == vcol and vague.end_col == vcol + #'추진할 수도 있음',
    vague and string.format('%d:%d-%d, expected %d:%d-%d', vague.lnum, vague.col, vague.end_col, vline, vcol, vcol + #'추진할 수도 있음') or 'none')
  local line, col = find(buf, '"214-86-47313"')
  local reg = diagnostics_with(buf, 'registration-number-checksum')[1]
  record('diagnostic of a number: line and byte columns', reg and reg.lnum == line and reg.col == col and reg.end_col == col + 14,
    reg and string.format('%d:%d-%d, expected %d:%d-%d', reg.lnum, reg.col, reg.end_col, line, col, col + 14) or 'none')
  -- A guide sentence of the form left in, with its ★: one diagnostic over the whole sentence.
  local sentence = '★ 국가 AI컴퓨팅 자원이 왜 필요한지 추진배경과 당위성을 기술'
  local gline, gcol = find(buf, sentence)
  local guide
  for _, d in ipairs(diagnostics_with(buf, 'template-guide-left')) do
    if d.lnum == gline then guide = d end
  end
  record('diagnostic inside a Hangul string', guide and guide.lnum == gline and guide.col == gcol and guide.end_col == gcol + #sentence,
    guide and string.format('%d:%d-%d, expected %d:%d-%d', guide.lnum, guide.col, guide.end_col, gline, gcol, gcol + #sentence) or 'none')
  local page = diagnostics_with(buf, 'page-budget')[1]
  record('settings from init_options apply (page-budget as information)', page and page.severity == vim.diagnostic.severity.INFO, page and page.severity)

  -- Hover on "servers": the problem, the label, the range and the amount, in a few lines.
  local sline, scol = find(buf, '"servers": 20')
  vim.api.nvim_win_set_cursor(0, { sline + 1, scol + 12 })
  local params = vim.lsp.util.make_position_params()
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, 5000) or {}
  local hover
  for _, r in pairs(responses) do if r.result then hover = r.result end end
  local value = hover and hover.contents and (hover.contents.value or hover.contents) or ''
  local lines = vim.lsp.util.convert_input_to_markdown_lines(hover and hover.contents or '')
  record('hover: label, problem, range, amount', value:find('서버 수', 1, true) and value:find('gpu-servers-range', 1, true) and value:find('허용 범위', 1, true) and value:find('1,664,000,000원', 1, true), value)
  record('hover: within 12 lines', #lines <= 12, #lines)

  -- Completion inside gpuPlan.stages: gp-st + accept inserts the stage, not gp-staff.
  local scratch = vim.env.GPUPLAN_SCRATCH
  vim.cmd('edit ' .. scratch .. '/stages.gpuplan.json')
  local cbuf = vim.api.nvim_get_current_buf()
  vim.api.nvim_buf_set_lines(cbuf, 0, -1, false, { '{', '  "gpuPlan": {', '    "stages": [', '      gp-st', '    ]', '  }', '}' })
  vim.wait(5000, function() return #vim.lsp.buf_get_clients(cbuf) > 0 end, 50)
  vim.api.nvim_win_set_cursor(0, { 4, 11 })
  local cresponses = vim.lsp.buf_request_sync(cbuf, 'textDocument/completion', vim.lsp.util.make_position_params(), 5000) or {}
  local items = {}
  for _, r in pairs(cresponses) do
    if r.result then items = r.result.items or r.result end
  end
  local matching = vim.tbl_filter(function(i) return vim.startswith(i.filterText or i.label, 'gp-st') end, items)
  table.sort(matching, function(a, b) return (a.sortText or a.label) < (b.sortText or b.label) end)
  local first = matching[1]
  record('completion: gp-st offers only gp-stage here', #matching == 1 and first.label == 'gp-stage', vim.inspect(vim.tbl_map(function(i) return i.label end, matching)))
  if first then
    local edit = first.textEdit
    record('completion: plain text for a client without snippets', first.insertTextFormat ~= 2 and not (edit and edit.newText or first.insertText or ''):find('${', 1, true), first.insertTextFormat)
    vim.lsp.util.apply_text_edits({ edit }, cbuf, 'utf-16')
    local inserted = text_of(cbuf)
    record('completion: the stage was inserted', inserted:find('"period"', 1, true) and inserted:find('"gpuStart"', 1, true) and not inserted:find('organization', 1, true), inserted)
  end

  -- A stale fix is refused by the server. Neovim numbers a buffer it has just opened 0 and skips
  -- its own version check for 0: offer the fix at version 0, edit, then apply the old offer.
  local stale_file = assert(io.open(scratch .. '/stale.gpuplan.json', 'w'))
  stale_file:write('{\n  "gpu": { "type": "H200", "servers": 40, "months": 6 }\n}\n')
  stale_file:close()
  vim.cmd('edit ' .. scratch .. '/stale.gpuplan.json')
  local tbuf = vim.api.nvim_get_current_buf()
  vim.wait(10000, function() return #diagnostics_with(tbuf, 'gpu-servers-range') > 0 end, 50)
  local tline, tcol = find(tbuf, '"servers": 40')
  vim.api.nvim_win_set_cursor(0, { tline + 1, tcol + 12 })
  local offered = vim.lsp.buf_request_sync(tbuf, 'textDocument/codeAction', vim.tbl_extend('force', vim.lsp.util.make_range_params(), { context = { diagnostics = {} } }), 5000) or {}
  local stale_fix, stale_client
  for id, r in pairs(offered) do
    for _, action in ipairs(r.result or {}) do
      if action.isPreferred then stale_fix, stale_client = action, id end
    end
  end
  record('stale fix: offered at version 0', stale_fix ~= nil and stale_fix.command ~= nil and stale_fix.command.arguments[1].version == 0, stale_fix and vim.inspect(stale_fix.command) or vim.inspect(offered))
  if stale_fix then
    vim.api.nvim_buf_set_lines(tbuf, 0, 0, false, { '' })
    local before_stale = text_of(tbuf)
    local answers = vim.lsp.buf_request_sync(tbuf, 'workspace/executeCommand', { command = stale_fix.command.command, arguments = stale_fix.command.arguments }, 5000) or {}
    local answer = answers[stale_client] and answers[stale_client].result or {}
    vim.wait(500, function() return false end, 50)
    record('stale fix: refused by the server, buffer unchanged', answer.applied == false and text_of(tbuf) == before_stale, vim.inspect(answer))
  end

  -- A quick fix: servers 20 → 16, applied by the server (workspace/applyEdit).
  vim.cmd('buffer ' .. buf)
  vim.api.nvim_win_set_cursor(0, { sline + 1, scol + 12 })
  choose('16')
  code_action()
  local fixed = vim.wait(10000, function() return text_of(buf):find('"servers": 16', 1, true) ~= nil end, 50)
  record('quick fix applied', fixed, fixed and '' or text_of(buf):match('"servers": %d+'))

  -- Fix-all: the rest, with the total recomputed from the fixed figures.
  local before = #vim.diagnostic.get(buf)
  choose('.')
  code_action({ 'source.fixAll' })
  local all = vim.wait(10000, function() return text_of(buf):find('"months": 12', 1, true) ~= nil end, 50)
  record('fix-all applied', all, text_of(buf):match('"months": %d+'))
  vim.wait(10000, function() return #diagnostics_with(buf, 'gpu-months-range') == 0 and #vim.diagnostic.get(buf) < before end, 50)
  record('fix-all leaves no copayment-mismatch', #diagnostics_with(buf, 'copayment-mismatch') == 0, #diagnostics_with(buf, 'copayment-mismatch'))
  record('fix-all: fewer problems', #vim.diagnostic.get(buf) < before, string.format('%d → %d', before, #vim.diagnostic.get(buf)))

  -- Formatting with spaces (expandtab, shiftwidth 2 from the recipe).
  vim.cmd('edit ' .. scratch .. '/format.gpuplan.json')
  local fbuf = vim.api.nvim_get_current_buf()
  vim.api.nvim_buf_set_lines(fbuf, 0, -1, false, { '{"gpu":{"type":"H200","servers":4,"months":6}}' })
  vim.wait(5000, function() return #vim.lsp.buf_get_clients(fbuf) > 0 end, 50)
  format(fbuf)
  local flines = vim.api.nvim_buf_get_lines(fbuf, 0, -1, false)
  record('formatting with two spaces', flines[2] == '  "gpu": {' and flines[3] == '    "type": "H200",' and not text_of(fbuf):find('\t'), table.concat(flines, '|'))
end)
if not ok then record('session ran without a Lua error', false, err) end
finish()
