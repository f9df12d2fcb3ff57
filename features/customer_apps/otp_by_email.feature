Feature: The sign-in OTP of a customer without a mobile
  Seed 003 "OAuth2 Sign-in for Customer Apps": "Customers are authenticated via OTP on Capillary landing page
  by communicating with Auth Engine APIs."

  # Ruling 161: "authenticated via OTP": the OTP goes to the customer's mobile by SMS (email when there is no
  # mobile), works once, and a wrong one can be retyped; a customer with neither cannot be sent one (8406).
  # The org registers by external ID, so a customer can have an email and no mobile, or neither.

  Background:
    Given an org with these settings:
      | setting                       | value      |
      | CONF_REGISTRATION_PRIMARY_KEY | externalId |
    And a partner app "CarDash" registered with the redirect URL "https://cardash.example/oauth/callback"

  Rule: A customer without a mobile is sent the OTP by email

    @seed:003 @req:003-201
    Scenario: Kiran, who has an email and no mobile, receives the OTP by email and signs in with it
      Given a loyalty customer "Kiran" registered through INSTORE with email E1 and external id X1
      When "Kiran" opens the sign-in page of "CarDash"
      And "Kiran" asks for an OTP with email E1
      Then the request succeeds
      And an OTP was sent by email to email E1
      When "Kiran" enters the OTP sent to email E1
      Then the sign-in page sends "Kiran" back to "https://cardash.example/oauth/callback" with an auth code

  Rule: A customer with neither a mobile nor an email is sent no OTP

    @seed:003 @req:003-201
    Scenario: Lee, who has only an external ID, cannot be sent an OTP
      Given a loyalty customer "Lee" registered through INSTORE with external id X2
      When "Lee" opens the sign-in page of "CarDash"
      And "Lee" asks for an OTP with external id X2
      Then the request is refused with error 8406
      And no sign-in OTP was sent
