# frozen_string_literal: true

# OpenCX widget v5 (pinned to 5.0.0): mint a contact token for the signed-in user.
# Server only (Ruby 3.1+, standard library): OPENCX_API_KEY comes from the environment and never reaches a browser.
require 'json'
require 'net/http'

# Calls POST /widget/authenticate-user for the signed-in user and returns their contact token.
# Send only this token to that user's browser, where it becomes the widget's user.token.
# email replaces the sample email below: pass the signed-in user's.
def opencx_contact_token(email = nil)
  api_key = ENV.fetch('OPENCX_API_KEY', '')
  raise 'OPENCX_API_KEY is not set' if api_key.empty?

  api_url = ENV.fetch('OPENCX_API_URL', '')
  api_url = 'https://api.open.cx' if api_url.empty?

  # Sample values from the playground: build the body from the signed-in user's data
  # (your session), never from anything the browser sends.
  body = {
    'email' => 'jane@example.com'
  }
  body['email'] = email unless email.nil?

  uri = URI("#{api_url}/widget/authenticate-user")
  request = Net::HTTP::Post.new(uri)
  request['Authorization'] = "Bearer #{api_key}"
  request['Content-Type'] = 'application/json'
  request.body = JSON.generate(body)
  options = { use_ssl: uri.scheme == 'https', open_timeout: 10, read_timeout: 10 }
  response = Net::HTTP.start(uri.host, uri.port, **options) { |http| http.request(request) }
  raise "OpenCX authenticate-user failed: HTTP #{response.code}" unless response.is_a?(Net::HTTPSuccess)

  # The response also has contact.id; the browser needs only the token.
  JSON.parse(response.body).fetch('token')
end

# Run directly, it prints a token: ruby opencx_contact_token.rb [email]
puts opencx_contact_token(ARGV.first) if $PROGRAM_NAME == __FILE__
