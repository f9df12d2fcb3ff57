Feature: The test-control extension's credential
  A server that offers the test-control extension with an admin token creates orgs and lists an org's
  customers only for requests that carry that token; a till's credentials are not enough.

  Background:
    Given an org with default settings
    And a loyalty customer "Asha" registered through INSTORE with mobile M1

  Rule: Without the admin token the extension refuses, and nothing is created

    @seed:contract @req:contract-80
    Scenario: Requesting an org without the admin token
      When an org is requested without the admin token
      Then the request is refused with error 8307

    @seed:contract @req:contract-80
    Scenario: Requesting an org with a wrong admin token
      When an org is requested with a wrong admin token
      Then the request is refused with error 8307

    @seed:contract @req:contract-80
    Scenario: Listing an org's customers with the till's credentials but without the admin token
      When the org's customers are listed without the admin token
      Then the request is refused with error 8307
      And the org's customers can be listed with the admin token
