Feature: The sign-in OTP of a customer without a mobile
  Seed 003 "OAuth2 Sign-in for Customer Apps": "Customers are authenticated via OTP on Capillary landing page
  by communicating with Auth Engine APIs."

  # Ruling 161: "authenticated via OTP": the OTP goes to the customer's mobile by SMS (email when there is no
  # mobile), works once, and a wrong one can be retyped.

  Background:
    Given an org with these settings:
      | setting                       | value |
      | CONF_REGISTRATION_PRIMARY_KEY | email |
    And a loyalty customer "Kiran" registered through INSTORE with email E1
    And a partner app "CarDash" registered with the redirect URL "https://cardash.example/oauth/callback"

  Rule: A customer without a mobile is sent the OTP by email

    @seed:003 @req:003-201
    Scenario: Kiran, who has only an email, receives the OTP by email and signs in with it
      When "Kiran" opens the sign-in page of "CarDash"
      And "Kiran" asks for an OTP with email E1
      Then the request succeeds
      And an OTP was sent by email to email E1
      When "Kiran" enters the OTP sent to email E1
      Then the sign-in page sends "Kiran" back to "https://cardash.example/oauth/callback" with an auth code
