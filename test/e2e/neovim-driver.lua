-- Drives a real Neovim (0.7 and later) against the ahrefs-where language server, as a user's
-- init.lua set it up (test/e2e/neovim.test.ts loads a snippet of docs/editor.md first).
-- Each step opens one file of $AW_DIR, asks what an editor user would, and records what arrived
-- in $AW_DIR/result.json for the test to judge. Only APIs that Neovim 0.7 has are used, with the
-- newer spelling where 0.7's was removed later.
local dir = os.getenv('AW_DIR')
local out = { version = vim.version(), steps = {}, messages = {} }
local TIMEOUT = 30000

vim.o.hidden = true

-- Keep every window/showMessage (and still let Neovim show it as usual).
local show = vim.lsp.handlers['window/showMessage']
vim.lsp.handlers['window/showMessage'] = function(err, result, ctx, config)
  table.insert(out.messages, { type = result.type, message = result.message })
  return show(err, result, ctx, config)
end

local function clients_of(buf)
  local list = {}
  local found = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = buf }) or vim.lsp.buf_get_clients(buf)
  for _, client in pairs(found) do table.insert(list, client) end
  return list
end

-- Opens a file of the fixture directory and waits until the server attached to it is initialized.
local function open(name)
  vim.cmd('edit ' .. vim.fn.fnameescape(dir .. '/' .. name))
  local buf = vim.api.nvim_get_current_buf()
  local ready = vim.wait(TIMEOUT, function()
    local client = clients_of(buf)[1]
    return client ~= nil and (client.initialized or client.server_capabilities ~= nil)
  end, 20)
  if not ready then error('no initialized ahrefs-where client on ' .. name .. ' (filetype ' .. vim.bo[buf].filetype .. ')') end
  return buf
end

local function diagnostics_of(buf)
  vim.wait(TIMEOUT, function() return #vim.diagnostic.get(buf) > 0 end, 20)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(list, { lnum = d.lnum, col = d.col, end_col = d.end_col, message = d.message, code = code, severity = d.severity })
  end
  return list
end

local function request(buf, method, params)
  local responses, err = vim.lsp.buf_request_sync(buf, method, params, TIMEOUT)
  if not responses then error(method .. ': ' .. tostring(err)) end
  for _, response in pairs(responses) do
    if response.err then error(method .. ': ' .. vim.inspect(response.err)) end
    return response.result
  end
  error(method .. ': no answer')
end

local function at(buf, line, character)
  return { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = line, character = character } }
end

local function lines(buf)
  return vim.api.nvim_buf_get_lines(buf, 0, -1, false)
end

-- Applies the quick fixes the server offers for the diagnostic, as :lua vim.lsp.buf.code_action() would.
local function fix(buf, d)
  local range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.lnum, character = d.end_col } }
  local actions = request(buf, 'textDocument/codeAction', { textDocument = { uri = vim.uri_from_bufnr(buf) }, range = range, context = { diagnostics = {} } })
  if not actions or not actions[1] then error('no code action') end
  vim.lsp.util.apply_workspace_edit(actions[1].edit, 'utf-16')
  return actions[1].title
end

local steps = {
  diagnostics_and_fix = function()
    local buf = open('query.where')
    local found = diagnostics_of(buf)
    local title = fix(buf, found[1])
    return { diagnostics = found, title = title, lines = lines(buf) }
  end,
  completion_and_hover = function()
    local buf = open('complete.where')
    local items = request(buf, 'textDocument/completion', at(buf, 0, 25))
    local labels = {}
    for _, item in ipairs(items.items or items) do table.insert(labels, item.label) end
    local h = request(buf, 'textDocument/hover', at(buf, 0, 0))
    return { labels = labels, hover = h and h.contents and h.contents.value }
  end,
  formatting_and_tokens = function()
    local buf = open('format.where')
    if vim.lsp.buf.format then vim.lsp.buf.format({ bufnr = buf, timeout_ms = TIMEOUT }) else vim.lsp.buf.formatting_sync(nil, TIMEOUT) end
    local tokens = request(buf, 'textDocument/semanticTokens/full', { textDocument = { uri = vim.uri_from_bufnr(buf) } })
    return { lines = lines(buf), tokens = tokens.data }
  end,
  directive = function()
    local buf = open('keywords.where')
    local items = request(buf, 'textDocument/completion', at(buf, 1, 0))
    local labels = {}
    for _, item in ipairs(items.items or items) do table.insert(labels, item.label) end
    return { diagnostics = diagnostics_of(buf), labels = labels }
  end,
  unknown_directive = function()
    local buf = open('typo.where')
    local found = diagnostics_of(buf)
    vim.wait(TIMEOUT, function() return #out.messages > 0 end, 20)
    local title = fix(buf, found[1])
    return { diagnostics = found, title = title, lines = lines(buf) }
  end,
}

for _, name in ipairs({ 'diagnostics_and_fix', 'completion_and_hover', 'formatting_and_tokens', 'directive', 'unknown_directive' }) do
  local ok, value = pcall(steps[name])
  out.steps[name] = ok and { ok = true, value = value } or { ok = false, error = tostring(value) }
end

-- Shut the server down as Neovim does on exit, then write what arrived.
for _, client in pairs(vim.lsp.get_clients and vim.lsp.get_clients() or vim.lsp.get_active_clients()) do vim.lsp.stop_client(client.id) end
vim.wait(5000, function() return #(vim.lsp.get_clients and vim.lsp.get_clients() or vim.lsp.get_active_clients()) == 0 end, 20)
local file = assert(io.open(dir .. '/result.json', 'w'))
file:write(vim.fn.json_encode(out))
file:close()
vim.cmd('qa!')
