# frozen_string_literal: true

# OpenCX widget v5 (pinned to 5.0.0): the endpoint your page calls for the contact token.
# POST /api/opencx/contact-token → { token } for the signed-in user, 401 otherwise.
# Server only: OPENCX_API_KEY comes from the environment and never reaches a browser.
# A Sinatra app beside opencx_contact_token.rb; sessions as your app has them (enable :sessions, Rack).
require 'json'
require 'sinatra'
require_relative 'opencx_contact_token'

helpers do
  # TODO: return the signed-in user's email from YOUR auth (here: what your login code put
  # in session[:user_email]), or nil (or an empty string) when nobody is signed in.
  def signed_in_email
    session[:user_email]
  end
end

post '/api/opencx/contact-token' do
  email = signed_in_email
  halt 401, { 'Content-Type' => 'application/json' }, JSON.generate('error' => 'Not signed in') if email.to_s.empty?

  content_type :json
  cache_control :no_store
  JSON.generate('token' => opencx_contact_token(email))
end
