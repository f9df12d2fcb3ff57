Feature: Malformed requests
  A request the server cannot read is refused with a code that names the problem, never with a server
  error or a stack trace.

  Background:
    Given an org with default settings

  Rule: Unreadable or oversized bodies and bodies outside the contract are refused

    @seed:contract @req:contract-03
    Scenario: A registration whose body is not valid JSON
      When a registration with mobile M1 whose body is not valid JSON is sent
      Then the request is refused with error 8201
      And no customer is found with mobile M1

    @seed:contract @req:contract-03
    Scenario: A registration whose body is larger than 100 kB
      When a registration with mobile M1 whose body is larger than 100 kB is sent
      Then the request is refused with error 8202
      And no customer is found with mobile M1

    @seed:contract @req:contract-03
    Scenario: A registration whose customer profiles are not a list
      When a registration with mobile M1 whose customer profiles are not a list is sent
      Then the request is refused with error 8203
      And the error message mentions "profiles"
      And no customer is found with mobile M1

  Rule: Bodies that would reach the server's internals are refused before any rule runs

    @seed:contract @req:contract-81
    Scenario: A registration whose body is nested 5,000 levels deep
      When a registration with mobile M1 whose body is nested 5,000 levels deep is sent
      Then the request is refused with error 8301
      And no customer is found with mobile M1

    @seed:contract @req:contract-81
    Scenario: A registration whose body carries a __proto__ key
      When a registration with mobile M1 whose body carries a __proto__ key is sent
      Then the request is refused with error 8303
      And no customer is found with mobile M1
